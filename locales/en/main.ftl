# UI strings of the default theme (English, the reference locale).
# Other locales translate these ids; keep the ids stable.
# Variables: $date, $kind, $language, $count, $phase, $title are filled by
# the theme; numbers select plural forms.

## The locale itself

# This language's own name, as its speakers write it (shown in the
# language switcher and on the root page).
language-name = English

## Page chrome (header, menus, landmarks)

# The skip link, first focusable element of every page.
skip-to-content = Skip to content
# Button that opens the navigation on small screens.
menu = Menu
# Button that closes the navigation on small screens.
close-menu = Close menu
# Button that switches between light and dark colours.
toggle-dark-mode = Toggle dark mode
# Label of the language switcher.
language = Language
# Accessible name of the sidebar navigation.
site-navigation = Site navigation
# Accessible name of the breadcrumb trail.
breadcrumbs = Breadcrumbs
# Accessible name of the previous/next links.
pagination = More pages
# Link to the home page of the current language.
home = Home

## Page body and footer

# Heading of the list of sections of the current page.
on-this-page = On this page
# Previous / next page in the navigation order.
previous = Previous
next = Next
# Footer line; $date is already localized ("October 3, 2019").
last-updated = Last updated: { $date }
# Label before the phase of the playbook a page belongs to.
phase = Phase
# Shown on an extra copy of a page that is not the main version.
duplicate-notice = This is an extra copy of this page.
duplicate-notice-link = Go to the main version
# Shown on a locale's home when the language switcher led here from a page
# that this language does not translate (the link ends in #untranslated).
untranslated-notice = The page you were reading is not available in this language yet. This is the home page of this language.

## Language switcher

# Added to a language that has no translation of the current page; its link
# goes to that language's home page instead.
translation-missing = not translated yet

## Alerts (> [!NOTE] and friends)

alert-note = Note
alert-tip = Tip
alert-important = Important
alert-warning = Warning
alert-caution = Caution
# An alert kind the theme does not know; $kind is the word as written.
alert-other = { $kind }

## DocFX blocks (:::zone, :::moniker, tabs, :::image, [!VIDEO])

# Label of a :::zone block; $values are its pivot or target values ("windows, linux").
dfm-zone = Applies to: { $values }
# Label of a :::moniker block; $range is its version range as written.
dfm-moniker = Version: { $range }
# Accessible name of a group of tabs (each tab is one alternative).
dfm-tabs = Alternatives
# Heads the long description under a complex image.
dfm-image-description = Image description
# Title of an embedded video; $host is the site it comes from.
dfm-video = Video ({ $host })
# A video that is not embedded (its address is not https); $url follows.
dfm-video-unavailable = Video not embedded: { $url }

## Locale home pages

# Heading above the sections (phases) of the playbook.
home-sections = Sections
# Heading above the list of all pages when there is no toc.yml.
home-all-pages = All pages
page-count =
    { $count ->
        [one] { $count } page
       *[other] { $count } pages
    }
task-count =
    { $count ->
        [one] { $count } task
       *[other] { $count } tasks
    }

## Root page (choose a language)

root-title = Choose a language
root-intro = This playbook is available in the following languages.

## 404 page

not-found-title = Page not found
not-found-text = The page you asked for does not exist or has moved.
not-found-homes = Go to the home page of a language:

## Sidebar and contents page (OUT/<locale>/contents/)

# Title of the page that lists the whole navigation.
contents-title = Contents
# Under that title.
contents-intro = Every entry of the navigation of this playbook, in order.
# Accessible name of the link (shown without JavaScript) from a collapsed
# sidebar entry to its place on the contents page; $name is the entry.
nav-in-contents = { $name }: show in the contents
# A row that stands for $count sidebar entries not shown (a long list).
nav-more =
    { $count ->
        [one] { $count } more entry
       *[other] { $count } more entries
    }

## Task catalog (OUT/<locale>/tasks/…)

# Sidebar entry that leads to the task catalog.
nav-tasks = Tasks
# Title of the catalog page, and its breadcrumb.
catalog-title = Task catalog
catalog-intro = Every task of this playbook in this language. Sort by any column; the phase chips narrow the list. Each id opens the task's page; the page link goes to its row.
# Group of tasks on pages that name no phase.
catalog-no-phase = Without a phase
catalog-empty = This language has no tasks yet.
# Accessible name of the list of links to the phase groups.
catalog-phases = Phases
# Shown when some ids have more than one row.
catalog-distinct-ids =
    { $count ->
        [one] { $count } distinct id
       *[other] { $count } distinct ids
    }
catalog-json = Download as JSON
# Link back from a task or matrix page.
catalog-back = All tasks
# Column headers of the catalog.
col-id = ID
col-task = Task
col-requirement = Requirement
col-role = Role
col-services = Services
col-where = Where
requirement-mandatory = Mandatory
requirement-optional = Optional
# Filters (shown only when JavaScript runs).
filter-title = Filter tasks
filter-text = Search
filter-text-hint = ID, name, role or service
filter-service = Service
filter-all = All
filter-reset = Clear filters
filter-sort = Sort by
filter-sort-page = Phase order
filter-no-match = No task matches these filters.

## Task page (OUT/<locale>/tasks/<id>/)

# Page title; $id is the task id, $name its name.
task-page-title = Task { $id }: { $name }
# Above the task's name.
task-label = Task { $id }
task-where = Where it is
# When an id has several rows in one language.
task-rows-here =
    { $count ->
        [one] This id has { $count } row in this language.
       *[other] This id has { $count } rows in this language.
    }
task-languages = In every language
task-status = Status
task-open = Task page
status-this = this language
status-same = same requirement
status-differs = requirement differs
status-missing = missing

## Translation matrix (OUT/<locale>/tasks/matrix/)

matrix-title = Translation matrix
# $language is the language requirements are compared with.
matrix-intro = Which task ids exist in which language. Requirements are compared with { $language } (or, for a task it lacks, with the first language that has it).
matrix-legend = Legend
matrix-present = present, same requirement
matrix-differs = present, requirement differs
matrix-missing = missing
# Rows of totals under the matrix.
matrix-total-present = Present
matrix-total-differs = Requirement differs
matrix-total-missing = Missing

## Site search (the box in the header; shown only when JavaScript runs)

# Accessible name of the search box.
search-label = Search this playbook
# Placeholder text inside the search box.
search-placeholder = Search
# Accessible name of the list of results.
search-results-label = Search results
search-loading = Loading the search index…
search-no-results = Nothing matches these words.
search-error = The search could not be loaded.
# Announced when results are shown; $count is the number of matches.
# Phrase it so that it reads well for any number (the browser fills it in).
search-results = Results: { $count }

## Code blocks

# The button that copies a code block, and what it says once it copied.
code-copy = Copy
code-copied = Copied

## Page footer

# The link to the page's source, when the site has edit_url.
edit-page = Edit this page

## Catalog and matrix, more

catalog-csv = Download as CSV
# The chip that shows every phase again.
catalog-all-phases = All phases
# The switch that hides the tasks present with the same requirement everywhere.
matrix-gaps-only = Gaps only
matrix-gaps-hint = Show only the tasks that are missing or differ in some language.
matrix-totals = Totals

## 404 page, more

# Above the pages whose words match the address asked for.
not-found-suggestions = Pages that may be what you were looking for:
not-found-search = Search this playbook

## Print version (OUT/<locale>/print/)

# Link to the whole playbook on one page.
print-link = Print or save as PDF
# Title of the print version; $title is the site title.
print-title = { $title }: the whole playbook
print-contents = Contents
# On the cover; $date is the newest "last updated" of its pages.
print-updated = Updated { $date }
print-hint = Use your browser's Print command (Ctrl+P) and choose "Save as PDF".

## Redirect pages (an old address of a moved page)

redirect-title = This page has moved
redirect-text = It is now here:
