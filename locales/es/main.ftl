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
untranslated-notice = La página que estaba leyendo aún no está disponible en este idioma. Esta es la página de inicio de este idioma.

## Selector de idioma
translation-missing = aún sin traducir

## Alertas
alert-note = Nota
alert-tip = Sugerencia
alert-important = Importante
alert-warning = Advertencia
alert-caution = Precaución
alert-other = { $kind }

## Bloques de DocFX (:::zone, :::moniker, pestañas, :::image, [!VIDEO])
dfm-zone = Se aplica a: { $values }
dfm-moniker = Versión: { $range }
dfm-tabs = Alternativas
dfm-image-description = Descripción de la imagen
dfm-video = Vídeo ({ $host })
dfm-video-unavailable = Vídeo no insertado: { $url }

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

## Barra lateral e índice

contents-title = Índice
contents-intro = Todas las entradas de la navegación de este playbook, en orden.
nav-in-contents = { $name }: ver en el índice
nav-more =
    { $count ->
        [one] { $count } entrada más
       *[other] { $count } entradas más
    }

## Catálogo de tareas
nav-tasks = Tareas
catalog-title = Catálogo de tareas
catalog-intro = Todas las tareas de este cuaderno en este idioma. Ordene por cualquier columna; las fichas de fase acotan la lista. Cada id abre la página de la tarea; el enlace a la página lleva a su fila.
catalog-no-phase = Sin fase
catalog-empty = Este idioma aún no tiene tareas.
catalog-phases = Fases
catalog-distinct-ids =
    { $count ->
        [one] { $count } id distinto
       *[other] { $count } ids distintos
    }
catalog-json = Descargar en JSON
catalog-back = Todas las tareas
col-id = Id.
col-task = Tarea
col-requirement = Obligatoriedad
col-role = Rol
col-services = Servicios
col-where = Ubicación
requirement-mandatory = Obligatoria
requirement-optional = Opcional
filter-title = Filtrar tareas
filter-text = Buscar
filter-text-hint = Id., nombre, rol o servicio
filter-service = Servicio
filter-all = Todos
filter-reset = Borrar filtros
filter-sort = Ordenar por
filter-sort-page = Orden de las fases
filter-no-match = Ninguna tarea coincide con estos filtros.

## Página de una tarea
task-page-title = Tarea { $id }: { $name }
task-label = Tarea { $id }
task-where = Dónde está
task-rows-here =
    { $count ->
        [one] Este id tiene { $count } fila en este idioma.
       *[other] Este id tiene { $count } filas en este idioma.
    }
task-languages = En todos los idiomas
task-status = Estado
task-open = Página de la tarea
status-this = este idioma
status-same = misma obligatoriedad
status-differs = obligatoriedad distinta
status-missing = falta

## Matriz de traducción
matrix-title = Matriz de traducción
matrix-intro = Qué ids de tarea existen en cada idioma. La obligatoriedad se compara con { $language } (o, si le falta la tarea, con el primer idioma que la tiene).
matrix-legend = Leyenda
matrix-present = presente, misma obligatoriedad
matrix-differs = presente, obligatoriedad distinta
matrix-missing = falta
matrix-total-present = Presentes
matrix-total-differs = Obligatoriedad distinta
matrix-total-missing = Faltan

## Búsqueda en el sitio (el cuadro del encabezado; solo con JavaScript)

search-label = Buscar en este cuaderno de estrategias
search-placeholder = Buscar
search-results-label = Resultados de la búsqueda
search-loading = Cargando el índice de búsqueda…
search-no-results = Nada coincide con estas palabras.
search-error = No se pudo cargar la búsqueda.
search-results = Resultados: { $count }

## Bloques de código
code-copy = Copiar
code-copied = Copiado

## Pie de página
edit-page = Editar esta página

## Catálogo y matriz
catalog-csv = Descargar en CSV
catalog-all-phases = Todas las fases
matrix-gaps-only = Solo diferencias
matrix-gaps-hint = Mostrar solo las tareas que faltan o difieren en algún idioma.
matrix-totals = Totales

## Página 404
not-found-suggestions = Páginas que quizá buscaba:
not-found-search = Buscar en este cuaderno

## Versión para imprimir
print-link = Imprimir o guardar como PDF
print-title = { $title }: el cuaderno completo
print-contents = Contenido
print-updated = Actualizado el { $date }
print-hint = Use el comando Imprimir del navegador (Ctrl+P) y elija «Guardar como PDF».

## Redirecciones
redirect-title = Esta página se ha movido
redirect-text = Ahora está aquí:
