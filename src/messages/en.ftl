# What playbook says on the terminal (English). Counts go through CLDR's
# plural rules (Fluent selects `one` or `other`), so no message reads
# "1 error(s)". Loaded by src/messages/mod.rs; a test formats every message.

## Findings (report::human, build --quiet, serve)

findings = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 info
       *[other] { $infos } infos
    }
more-findings = … and { $count ->
        [one] 1 more `{ $code }` finding
       *[other] { $count } more `{ $code }` findings
    } in this file, not listed

## check --format github

unannotated-errors = { $count ->
        [one] 1 more error was
       *[other] { $count } more errors were
    } not annotated
unannotated-warnings = { $count ->
        [one] 1 more warning was
       *[other] { $count } more warnings were
    } not annotated
unannotated-notices = { $count ->
        [one] 1 more notice was
       *[other] { $count } more notices were
    } not annotated
more-rows = { $count ->
        [one] 1 more finding
       *[other] { $count } more findings
    }

## build

built = built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } in { $locales ->
        [one] 1 locale
       *[other] { $locales } locales
    } into { $out } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    }, { $ms } ms)
quiet-hint = run without --quiet to see them
no-base-url = no base_url in the config: sitemap.xml is not written (sitemaps need absolute URLs) and 404.html links relative to the output root; set base_url = "https://…" for both

built-links-reported = the built site has { $count ->
        [one] 1 more URL that leads
       *[other] { $count } more URLs that lead
    } nowhere because of the links reported above (not repeated)

## init, clean

init-done = created a playbook in { $out } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    }): { $list }
init-next = next: playbook serve --root { $out }   (preview while you write)
removed = removed { $out }
nothing-removed = nothing to remove

## check --site

site-checked = checked { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } and { $links ->
        [one] 1 link
       *[other] { $links } links
    } of the built site

## tasks

task-rows = { $count ->
        [one] 1 task row
       *[other] { $count } task rows
    }

## serve

built-in-memory = built { $files ->
        [one] 1 file
       *[other] { $files } files
    } in memory in { $ms } ms
served-changed = { $count ->
        [one] 1 served file changed on disk
       *[other] { $count } served files changed on disk
    }
files-changed = { $count ->
        [0] no file changed
        [one] 1 file changed
       *[other] { $count } files changed
    }
outputs-rendered = { $count ->
        [one] 1 output rendered
       *[other] { $count } outputs rendered
    }
pages-edited = { $count ->
        [one] 1 page edited
       *[other] { $count } pages edited
    }
findings-appeared = { $count ->
        [one] 1 new finding
       *[other] { $count } new findings
    }
findings-gone = { $count ->
        [one] 1 finding fixed
       *[other] { $count } findings fixed
    }
