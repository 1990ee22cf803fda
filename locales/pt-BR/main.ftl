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

## Seletor de idioma
translation-missing = ainda não traduzida

## Alertas
alert-note = Observação
alert-tip = Dica
alert-important = Importante
alert-warning = Aviso
alert-caution = Cuidado
alert-other = { $kind }

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
