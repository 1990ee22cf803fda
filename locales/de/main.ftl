# Oberflächentexte des Standardthemas (Deutsch).
# Übersetzung von locales/en/main.ftl: gleiche IDs.

language-name = Deutsch

## Seitenaufbau
skip-to-content = Zum Inhalt springen
menu = Menü
close-menu = Menü schließen
toggle-dark-mode = Dunkelmodus umschalten
language = Sprache
site-navigation = Seitennavigation
breadcrumbs = Brotkrumennavigation
pagination = Weitere Seiten
home = Startseite

## Inhalt und Fußzeile
on-this-page = Auf dieser Seite
previous = Zurück
next = Weiter
last-updated = Zuletzt aktualisiert: { $date }
phase = Phase
duplicate-notice = Dies ist eine zusätzliche Kopie dieser Seite.
duplicate-notice-link = Zur Hauptversion
untranslated-notice = Die Seite, die Sie gelesen haben, ist in dieser Sprache noch nicht verfügbar. Dies ist die Startseite dieser Sprache.

## Sprachauswahl
translation-missing = noch nicht übersetzt

## Hinweise
alert-note = Hinweis
alert-tip = Tipp
alert-important = Wichtig
alert-warning = Warnung
alert-caution = Vorsicht
alert-other = { $kind }

## DocFX-Blöcke (:::zone, :::moniker, Registerkarten, :::image, [!VIDEO])
dfm-zone = Gilt für: { $values }
dfm-moniker = Version: { $range }
dfm-tabs = Alternativen
dfm-image-description = Bildbeschreibung
dfm-video = Video ({ $host })
dfm-video-unavailable = Video nicht eingebettet: { $url }

## Startseiten der Sprachen
home-sections = Abschnitte
home-all-pages = Alle Seiten
page-count =
    { $count ->
        [one] { $count } Seite
       *[other] { $count } Seiten
    }
task-count =
    { $count ->
        [one] { $count } Aufgabe
       *[other] { $count } Aufgaben
    }

## Startseite der Website (Sprachwahl)
root-title = Sprache wählen
root-intro = Dieses Playbook ist in den folgenden Sprachen verfügbar.

## 404-Seite
not-found-title = Seite nicht gefunden
not-found-text = Die angeforderte Seite existiert nicht oder wurde verschoben.
not-found-homes = Zur Startseite einer Sprache:

## Seitenleiste und Inhaltsseite

contents-title = Inhalt
contents-intro = Alle Einträge der Navigation dieses Playbooks, der Reihe nach.
nav-in-contents = { $name }: im Inhaltsverzeichnis zeigen
nav-more =
    { $count ->
        [one] { $count } weiterer Eintrag
       *[other] { $count } weitere Einträge
    }

## Aufgabenkatalog
nav-tasks = Aufgaben
catalog-title = Aufgabenkatalog
catalog-intro = Alle Aufgaben dieses Playbooks in dieser Sprache. Jede Spalte lässt sich sortieren; die Phasen-Chips grenzen die Liste ein. Jede ID öffnet die Seite der Aufgabe; der Seitenlink führt zu ihrer Zeile.
catalog-no-phase = Ohne Phase
catalog-empty = In dieser Sprache gibt es noch keine Aufgaben.
catalog-phases = Phasen
catalog-distinct-ids =
    { $count ->
        [one] { $count } eindeutige ID
       *[other] { $count } eindeutige IDs
    }
catalog-json = Als JSON herunterladen
catalog-back = Alle Aufgaben
col-id = ID
col-task = Aufgabe
col-requirement = Verbindlichkeit
col-role = Rolle
col-services = Dienste
col-where = Fundstelle
requirement-mandatory = Erforderlich
requirement-optional = Optional
filter-title = Aufgaben filtern
filter-text = Suchen
filter-text-hint = ID, Name, Rolle oder Dienst
filter-service = Dienst
filter-all = Alle
filter-reset = Filter zurücksetzen
filter-sort = Sortieren nach
filter-sort-page = Reihenfolge der Phasen
filter-no-match = Keine Aufgabe entspricht diesen Filtern.

## Seite einer Aufgabe
task-page-title = Aufgabe { $id }: { $name }
task-label = Aufgabe { $id }
task-where = Fundstelle
task-rows-here =
    { $count ->
        [one] Diese ID hat { $count } Zeile in dieser Sprache.
       *[other] Diese ID hat { $count } Zeilen in dieser Sprache.
    }
task-languages = In allen Sprachen
task-status = Status
task-open = Aufgabenseite
status-this = diese Sprache
status-same = gleiche Verbindlichkeit
status-differs = abweichende Verbindlichkeit
status-missing = fehlt

## Übersetzungsmatrix
matrix-title = Übersetzungsmatrix
matrix-intro = Welche Aufgaben-IDs es in welcher Sprache gibt. Die Verbindlichkeit wird mit { $language } verglichen (oder, wenn die Aufgabe dort fehlt, mit der ersten Sprache, die sie hat).
matrix-legend = Legende
matrix-present = vorhanden, gleiche Verbindlichkeit
matrix-differs = vorhanden, abweichende Verbindlichkeit
matrix-missing = fehlt
matrix-total-present = Vorhanden
matrix-total-differs = Abweichende Verbindlichkeit
matrix-total-missing = Fehlend

## Suche (das Feld in der Kopfzeile; nur mit JavaScript)

search-label = Dieses Playbook durchsuchen
search-placeholder = Suchen
search-results-label = Suchergebnisse
search-loading = Suchindex wird geladen …
search-no-results = Keine Treffer für diese Wörter.
search-error = Die Suche konnte nicht geladen werden.
search-results = Treffer: { $count }

## Codeblöcke
code-copy = Kopieren
code-copied = Kopiert

## Fußzeile
edit-page = Diese Seite bearbeiten

## Katalog und Matrix
catalog-csv = Als CSV herunterladen
catalog-all-phases = Alle Phasen
matrix-gaps-only = Nur Lücken
matrix-gaps-hint = Nur Aufgaben zeigen, die in einer Sprache fehlen oder abweichen.
matrix-totals = Summen

## 404-Seite
not-found-suggestions = Seiten, die Sie vielleicht gesucht haben:
not-found-search = Dieses Playbook durchsuchen

## Druckversion
print-link = Drucken oder als PDF speichern
print-title = { $title }: das ganze Playbook
print-contents = Inhalt
print-updated = Aktualisiert am { $date }
print-hint = Verwenden Sie den Druckbefehl des Browsers (Strg+P) und wählen Sie „Als PDF speichern“.

## Weiterleitungen
redirect-title = Diese Seite wurde verschoben
redirect-text = Sie ist jetzt hier:
