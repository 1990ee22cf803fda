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

## Sprachauswahl
translation-missing = noch nicht übersetzt

## Hinweise
alert-note = Hinweis
alert-tip = Tipp
alert-important = Wichtig
alert-warning = Warnung
alert-caution = Vorsicht
alert-other = { $kind }

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
