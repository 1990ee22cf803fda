# Textos da interface do tema padrão (português do Brasil).
# Tradução de locales/en/main.ftl: mesmos identificadores.

language-name = Português (Brasil)

## Estrutura da página
skip-to-content = Ir para o conteúdo
menu = Menu
close-menu = Fechar o menu
toggle-dark-mode = Alternar modo escuro
language = Idioma
site-navigation = Navegação do site
breadcrumbs = Trilha de navegação
pagination = Mais páginas
home = Início

## Corpo e rodapé
on-this-page = Nesta página
previous = Anterior
next = Próxima
last-updated = Última atualização: { $date }
phase = Fase
duplicate-notice = Esta é uma cópia extra desta página.
duplicate-notice-link = Ir para a versão principal
untranslated-notice = A página que você estava lendo ainda não está disponível neste idioma. Esta é a página inicial deste idioma.

## Seletor de idioma
translation-missing = ainda não traduzida

## Alertas
alert-note = Observação
alert-tip = Dica
alert-important = Importante
alert-warning = Aviso
alert-caution = Cuidado
alert-other = { $kind }

## Blocos do DocFX (:::zone, :::moniker, guias, :::image, [!VIDEO])
dfm-zone = Aplica-se a: { $values }
dfm-moniker = Versão: { $range }
dfm-tabs = Alternativas
dfm-image-description = Descrição da imagem
dfm-video = Vídeo ({ $host })
dfm-video-unavailable = Vídeo não incorporado: { $url }

## Páginas iniciais de cada idioma
home-sections = Seções
home-all-pages = Todas as páginas
page-count =
    { $count ->
        [one] { $count } página
       *[other] { $count } páginas
    }
task-count =
    { $count ->
        [one] { $count } tarefa
       *[other] { $count } tarefas
    }

## Página raiz (escolher idioma)
root-title = Escolha um idioma
root-intro = Este guia estratégico está disponível nos seguintes idiomas.

## Página 404
not-found-title = Página não encontrada
not-found-text = A página solicitada não existe ou foi movida.
not-found-homes = Ir para a página inicial de um idioma:

## Barra lateral e sumário

contents-title = Sumário
contents-intro = Todas as entradas da navegação deste playbook, em ordem.
nav-in-contents = { $name }: ver no sumário
nav-more =
    { $count ->
        [one] mais { $count } entrada
       *[other] mais { $count } entradas
    }

## Catálogo de tarefas
nav-tasks = Tarefas
catalog-title = Catálogo de tarefas
catalog-intro = Todas as tarefas deste manual neste idioma. Ordene por qualquer coluna; os filtros de fase restringem a lista. Cada ID abre a página da tarefa; o link da página leva à sua linha.
catalog-no-phase = Sem fase
catalog-empty = Este idioma ainda não tem tarefas.
catalog-phases = Fases
catalog-distinct-ids =
    { $count ->
        [one] { $count } ID distinto
       *[other] { $count } IDs distintos
    }
catalog-json = Baixar em JSON
catalog-back = Todas as tarefas
col-id = ID
col-task = Tarefa
col-requirement = Obrigatoriedade
col-role = Função
col-services = Serviços
col-where = Onde
requirement-mandatory = Obrigatória
requirement-optional = Opcional
filter-title = Filtrar tarefas
filter-text = Pesquisar
filter-text-hint = ID, nome, função ou serviço
filter-service = Serviço
filter-all = Todos
filter-reset = Limpar filtros
filter-sort = Ordenar por
filter-sort-page = Ordem das fases
filter-no-match = Nenhuma tarefa corresponde a estes filtros.

## Página de uma tarefa
task-page-title = Tarefa { $id }: { $name }
task-label = Tarefa { $id }
task-where = Onde está
task-rows-here =
    { $count ->
        [one] Este ID tem { $count } linha neste idioma.
       *[other] Este ID tem { $count } linhas neste idioma.
    }
task-languages = Em todos os idiomas
task-status = Situação
task-open = Página da tarefa
status-this = este idioma
status-same = mesma obrigatoriedade
status-differs = obrigatoriedade diferente
status-missing = ausente

## Matriz de tradução
matrix-title = Matriz de tradução
matrix-intro = Quais IDs de tarefa existem em cada idioma. A obrigatoriedade é comparada com { $language } (ou, para uma tarefa que falta nele, com o primeiro idioma que a tem).
matrix-legend = Legenda
matrix-present = presente, mesma obrigatoriedade
matrix-differs = presente, obrigatoriedade diferente
matrix-missing = ausente
matrix-total-present = Presentes
matrix-total-differs = Obrigatoriedade diferente
matrix-total-missing = Ausentes

## Pesquisa no site (a caixa do cabeçalho; só com JavaScript)

search-label = Pesquisar neste guia estratégico
search-placeholder = Pesquisar
search-results-label = Resultados da pesquisa
search-loading = Carregando o índice de pesquisa…
search-no-results = Nada corresponde a estas palavras.
search-error = Não foi possível carregar a pesquisa.
search-results = Resultados: { $count }

## Blocos de código
code-copy = Copiar
code-copied = Copiado

## Rodapé
edit-page = Editar esta página

## Catálogo e matriz
catalog-csv = Baixar em CSV
catalog-all-phases = Todas as fases
matrix-gaps-only = Só lacunas
matrix-gaps-hint = Mostrar só as tarefas que faltam ou diferem em algum idioma.
matrix-totals = Totais

## Página 404
not-found-suggestions = Páginas que talvez você procurasse:
not-found-search = Pesquisar neste manual

## Versão para impressão
print-link = Imprimir ou salvar como PDF
print-title = { $title }: o manual completo
print-contents = Conteúdo
print-updated = Atualizado em { $date }
print-hint = Use o comando Imprimir do navegador (Ctrl+P) e escolha "Salvar como PDF".

## Redirecionamentos
redirect-title = Esta página foi movida
redirect-text = Agora ela está aqui:
