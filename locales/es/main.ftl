# Cadenas de la interfaz del tema predeterminado (español).
# Traducción de locales/en/main.ftl: mismos identificadores.

language-name = Español

## Estructura de la página
skip-to-content = Ir al contenido
menu = Menú
close-menu = Cerrar el menú
toggle-dark-mode = Cambiar el modo oscuro
language = Idioma
site-navigation = Navegación del sitio
breadcrumbs = Ruta de navegación
pagination = Más páginas
home = Inicio

## Cuerpo y pie de página
on-this-page = En esta página
previous = Anterior
next = Siguiente
last-updated = Última actualización: { $date }
phase = Fase
duplicate-notice = Esta es una copia adicional de esta página.
duplicate-notice-link = Ir a la versión principal

## Selector de idioma
translation-missing = aún sin traducir

## Alertas
alert-note = Nota
alert-tip = Sugerencia
alert-important = Importante
alert-warning = Advertencia
alert-caution = Precaución
alert-other = { $kind }

## Páginas de inicio de cada idioma
home-sections = Secciones
home-all-pages = Todas las páginas
page-count =
    { $count ->
        [one] { $count } página
       *[other] { $count } páginas
    }
task-count =
    { $count ->
        [one] { $count } tarea
       *[other] { $count } tareas
    }

## Página raíz (elegir idioma)
root-title = Elija un idioma
root-intro = Este cuaderno de estrategias está disponible en los siguientes idiomas.

## Página 404
not-found-title = Página no encontrada
not-found-text = La página que busca no existe o se ha movido.
not-found-homes = Vaya a la página de inicio de un idioma:
