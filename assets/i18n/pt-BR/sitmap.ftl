# A interface do sitmap em português do Brasil. Mesmas chaves e variáveis
# que en/sitmap.ftl; os números são escritos como no Brasil (vírgula
# decimal, ponto de milhar).

## Datas

date-long = { $day } de { $month } de { $year }
date-month-year = { $month } de { $year }
month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro
month-short-1 = jan
month-short-2 = fev
month-short-3 = mar
month-short-4 = abr
month-short-5 = mai
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = set
month-short-10 = out
month-short-11 = nov
month-short-12 = dez

## Unidades

distance-km = { $km } km
distance-km-nm = { $km } km · { $nm } mn

## Menus

menu-file = Arquivo
menu-file-open = Abrir…
menu-file-new-layer = Nova camada…
menu-file-export-view = Exportar vista como PNG…
menu-file-export-layer = Exportar camada…
menu-file-quit = Sair
menu-view = Exibir
menu-view-zoom-in = Aproximar
menu-view-zoom-out = Afastar
menu-view-classroom = Modo sala de aula
menu-view-classroom-tip = Sem spoilers: nada depois da data atual aparece em lugar nenhum; PageDown percorre os eventos do dia um cartão de cada vez
menu-view-reduce-motion = Reduzir movimento
menu-view-reduce-motion-tip = As mudanças de cena são instantâneas; eventos novos não pulsam
menu-view-group-tip = Onde cinco ou mais símbolos de uma camada se esconderiam uns aos outros, desenha um disco com a quantidade; aproxime e eles se separam
menu-view-overlaps = Símbolos sobrepostos:
menu-view-clusters = Grupos com a quantidade
menu-view-density = Superfície de densidade
menu-view-density-tip = Onde cinco ou mais símbolos de uma camada se esconderiam uns aos outros, sombreia o mapa com a cor da camada, mais escuro quanto mais eventos; aproxime e eles se separam
menu-view-every-symbol = Cada símbolo
menu-view-every-symbol-tip = Desenha cada símbolo de ponto, sobreposto ou não
menu-view-chart = Gráfico sob a linha do tempo
menu-view-chart-tip = Feições por dia, semana ou mês de cada camada visível, e o total acumulado de um número como o de mortos, sob a linha do tempo
menu-view-language = Idioma
menu-view-language-system = Seguir o sistema ({ $language })
menu-story = História
menu-story-present = Apresentar
menu-story-scenes = Painel de cenas
menu-story-open = Abrir história…
menu-story-new = Nova história…
menu-story-save = Salvar história
menu-story-save-as = Salvar história como…
menu-story-save-bundle = Salvar como pacote…
menu-basemap = Mapa base
menu-theme = Tema
menu-help = Ajuda
menu-help-shortcuts = Atalhos de teclado
menu-help-about = Sobre o sitmap e seus dados
menu-tools = Ferramentas
menu-tools-measure = Medir distâncias
menu-tools-measure-tip = Distâncias e rumos geodésicos: clique em lugares do mapa
menu-tools-rings = Anéis de alcance…
menu-tools-rings-tip = Círculos geodésicos nos raios que você digitar, em volta da feição selecionada ou do centro do mapa (clique com o botão direito no mapa para qualquer lugar)
menu-tools-find = Buscar um lugar ou feição…

theme-system = Seguir o sistema
theme-light = Claro
theme-dark = Escuro
basemap-offline = Offline (Natural Earth)
basemap-osm = OpenStreetMap (online)
basemap-topo = OpenTopoMap (online)

view-americas = Américas
view-caribbean = Caribe
view-mexico = México
view-venezuela-colombia = Venezuela e Colômbia
view-eastern-pacific = Pacífico Oriental

## Barra de ferramentas

toolbar-home = Início
toolbar-home-tip = Mostrar as Américas inteiras
toolbar-zoom-in-tip = Aproximar
toolbar-zoom-out-tip = Afastar
toolbar-view = Vista:
toolbar-view-key = Tecla { $key }
toolbar-present = ▶ Apresentar
toolbar-present-tip = Apresentar a história em tela cheia ({ $key }; Esc sai)
toolbar-scenes = Cenas
toolbar-scenes-tip = As cenas da história: ir, adicionar, editar, reordenar

## Linha do tempo

timeline-first = Primeira data
timeline-previous-event = Evento anterior
timeline-day-back = Um dia para trás
timeline-pause = ⏸ Pausar
timeline-play = ▶ Reproduzir
timeline-play-tip = Reproduzir ou pausar
timeline-day-on = Um dia para a frente
timeline-next-event = Próximo evento
timeline-last = Última data
timeline-speed = Velocidade
timeline-days-per-second = { $days ->
    [one] { $days } dia/s
   *[other] { $days } dias/s
}
timeline-days-per-second-suffix = { " " }d/s
timeline-speed-tip = Digite qualquer velocidade em dias por segundo
timeline-loop = Repetir
timeline-event-by-event = Evento a evento
timeline-event-by-event-tip = A reprodução salta de evento em evento e para em cada um, mostrando seu cartão
timeline-pause-suffix = { " " }s de pausa
timeline-skip-empty = Pular vazios
timeline-skip-empty-tip = A reprodução pula os trechos sem eventos
timeline-go-to = Ir para a data
timeline-go = Ir
timeline-go-tip = Ir para a data digitada
timeline-as-of = Até a data
timeline-as-of-tip = Eventos até a data (os mais antigos esmaecem); períodos em curso nela
timeline-window = Janela
timeline-window-tip = Só o que cai nos dias até a data
timeline-days = { $days ->
    [one] { $days } dia
   *[other] { $days } dias
}
timeline-days-suffix = { " " }d
timeline-keep-ended = Manter encerrados
timeline-keep-ended-tip = Mostrar também, esmaecidos, os períodos já encerrados
untitled = Sem título
day-not-a-date = `{ $text }` não é uma data; escreva AAAA-MM-DD, p. ex. 2025-09-02
day-no-such-day = `{ $text }` não é um dia do calendário: { $reason }
cli-unknown-lang = idioma desconhecido `{ $lang }`: o sitmap fala { $languages }

## Gráfico sob a linha do tempo

chart-features = Gráfico: feições
chart-running-total = total acumulado de
chart-nothing = nada
chart-total-by = { $property } até { $date }: { $value }
chart-per-day = por dia
chart-per-week = por semana
chart-per-month = por mês
chart-week-of = semana de { $date }
timeline-date-hint = AAAA-MM-DD

## Detalhes, dicas e cartões

close = Fechar
details-no-date = sem data (sempre visível)
details-ongoing = em curso
details-month-only = { $when } (só o mês)
details-approximate = { $place } (localização aproximada)
details-date-approximate = { $when } (data aproximada)
details-approximate-within = { $place } (localização aproximada, com margem de cerca de { $km } km)
details-no-location = sem localização (fora do mapa)
details-features = { $count ->
    [one] { $count } feição
   *[other] { $count } feições
}
details-and-more = e mais { $count }
details-click-to-list = Clique para listá-las
details-click-to-zoom = Clique para aproximar
details-features-at-one-place = { $count } feições num mesmo lugar
details-untitled-feature = Feição sem título
details-close-tip = Fechar os detalhes (Esc)
details-when = Quando
details-kind = Tipo
details-actor = Ator
details-where = Onde
details-range-rings = Anéis de alcance
details-sources = Fontes ({ $count })
details-no-source = Nenhuma fonte informada.
details-published = publicado em { $date }
details-copy-coordinates = Copiar coordenadas
details-copy-coordinates-tip = Copiar “{ $coordinates }” (latitude, longitude)
cards-event = Evento
cards-approximate-within = { $place } (localização aproximada, ±{ $km } km)
cards-more-on-this-day = e mais { $count } neste dia
cards-event-of = Evento { $number } de { $total } neste dia
cards-event-of-next = Evento { $number } de { $total } neste dia · PageDown para o próximo

## Sobre o mapa e barra de status

distance-m = { $m } m
attribution-map-data = Dados do mapa ©
notice-online-failing = Os blocos online não estão carregando (sem rede ou erro do servidor): mostrando o mapa base offline.
notice-dismiss = Dispensar
status-zoom = zoom { $zoom }
status-loading-basemap = carregando o mapa base…
status-rendering-tiles = desenhando { $count } blocos

## A linha de comando: ajuda, títulos e as palavras do clap

cli-heading-usage = Uso
cli-heading-commands = Comandos
cli-heading-options = Opções
cli-heading-arguments = Argumentos
cli-help = Mostrar a ajuda
cli-version = Mostrar a versão
cli-help-about = Mostrar esta mensagem ou a ajuda dos subcomandos indicados
cli-sitmap-about = Um mapa de situação das Américas, dia a dia
cli-sitmap-files = Camadas GeoJSON a abrir na janela
cli-sitmap-assets = Ler os dados do mapa base desta pasta em vez da cópia embutida no programa
cli-sitmap-exit-after-first-full-frame = Mostrar o tempo do início até o primeiro mapa completo e sair (para medições)
cli-sitmap-date = Abrir a linha do tempo neste dia (AAAA-MM-DD, UTC)
cli-sitmap-view = Abrir numa vista predefinida em vez das Américas inteiras
cli-sitmap-no-story = Abrir com um mapa vazio em vez das camadas da história
cli-sitmap-story = O arquivo de história (cenas) a abrir; sem ele, a história incluída com suas camadas, ou a da última sessão
cli-sitmap-present = Começar a apresentar, na cena N (a partir de 1) se indicada
cli-sitmap-reduced-motion = Mudanças de cena instantâneas e marcadores sem pulsar
cli-sitmap-no-grouping = Desenhar todos os símbolos de ponto, sobrepostos ou não: sem agrupamentos (também no menu Exibir)
cli-sitmap-measure-pan-tour = Mostrar as Américas inteiras, percorrê-las no zoom 5, mostrar os tempos de quadro e a memória residente e sair (para medições)
cli-sitmap-theme = Tema de cores: system, light ou dark (alternável no menu Tema); sem ele, o da última sessão
cli-sitmap-basemap = Mapa base ao iniciar: o offline ou blocos online (mostrados por cima); sem ele, o da última sessão
cli-sitmap-lang = O idioma da janela, do `render` e das mensagens: en, es ou pt-BR (sem ele, o escolhido em Exibir › Idioma, senão o do sistema: LC_ALL, LC_MESSAGES, LANG)
cli-sitmap-window-size = Tamanho inicial da janela em pontos, LARGURAxALTURA
cli-check-about = Verificar arquivos de camadas sem abrir uma janela: feições por tipo de geometria, intervalo de datas e cada erro e aviso. Sai com 1 se algum arquivo tiver erros
cli-check-files = Arquivos de camadas a verificar, ou uma coleção de um servidor OGC API – Features (`https://host/collections/ID`), baixada inteira (com `--at` como o `datetime` do servidor)
cli-check-json = Imprimir um único objeto JSON em vez de texto
cli-check-at = Contar também as feições visíveis neste dia UTC, como o mapa as mostra “até” o dia (instantes já ocorridos, períodos ainda em curso)
cli-check-window = Com --at: contar em vez disso o que cai nos DAYS dias que terminam nesse dia (o modo janela do mapa)
cli-check-verbose = Listar cada problema em vez de uma linha por tipo de problema
cli-check-time-field = A propriedade que data as feições sem `start` (padrão: encontrada pelo nome e conteúdo; `none` para nenhuma)
cli-render-about = Desenhar imagens PNG do mapa sem janela: uma cena de uma história ou todas, qualquer vista, ou um quadro por passo num intervalo de datas
cli-render-story = Um arquivo de história (cenas): desenhar sua cena --scene N em --out, ou todas as cenas em --out-dir
cli-render-scene = Com --story: a cena a desenhar, contando a partir de 1
cli-render-date = O dia a mostrar (AAAA-MM-DD, UTC); sem ele, o último dia dos dados
cli-render-bbox = A área à qual ajustar a imagem, em graus: oeste,sul,leste,norte (p. ex. -85,5,-58,28); sem ela, as Américas inteiras
cli-render-from = Primeiro dia de uma exportação animada: um quadro por passo de --from a --to em --out-dir
cli-render-to = Último dia de uma exportação animada (incluído se um passo cair nele)
cli-render-step-days = Dias entre dois quadros de uma exportação animada
cli-render-compare = Comparar duas datas, A,B (AAAA-MM-DD,AAAA-MM-DD, A antes de B): a data A à esquerda do mapa, B à direita
cli-render-changes = Com --compare: um só mapa do que apareceu, terminou ou se moveu entre as datas, em vez dos dois lado a lado
cli-render-video = Gravar um vídeo (.mp4: H.264; .gif) em vez de PNGs: as cenas do relato uma após a outra (--story), ou um intervalo de datas (--from/--to)
cli-render-fps = Quadros por segundo do vídeo
cli-render-hold = Vídeo de um relato: segundos em que cada cena fica parada depois que a câmera chega
cli-render-frames-per-day = Vídeo de um intervalo de datas: quadros em que cada dia é mostrado
cli-render-out = O arquivo PNG a gravar (uma imagem)
cli-render-out-dir = A pasta onde gravar os PNG numerados (cada cena ou um intervalo de datas); criada se não existir
cli-render-size = Tamanho da imagem em pixels, LARGURAxALTURA
cli-render-theme = Tema de cores; light combina com projetores
cli-render-assets = Ler o mapa base desta pasta em vez da cópia embutida
cli-render-timeout = Desistir de uma imagem cujo mapa não esteja completo após estes segundos
cli-render-files = Camadas GeoJSON a desenhar; sem nenhuma, as camadas da história em `geodata/`
cli-convert-about = Converter um arquivo de camada para GeoJSON, KML ou CSV (pela extensão de OUT), opcionalmente só o que aparece num dia
cli-convert-input = O arquivo a ler: qualquer camada que o sitmap abra
cli-convert-output = O arquivo a gravar; a extensão escolhe o formato: .geojson ou .json, .kml, .csv
cli-convert-at = Gravar só o que o mapa mostra neste dia UTC (“até” o dia: eventos já ocorridos, períodos ainda em curso, feições sem data)
cli-convert-window = Com --at: só o que cai nos DAYS dias que terminam nesse dia
cli-bundle-about = Criar um pacote `.sitmap` com uma história e suas camadas, para compartilhar como um só arquivo
cli-bundle-story = O arquivo de história (cenas)
cli-bundle-out = O pacote a gravar, terminado em .sitmap
cli-bundle-layers = Os arquivos de camadas, começando pela de baixo na ordem de desenho; sem nenhum, os arquivos de camadas da pasta da história (as quatro da história incluída)

## Painel de camadas

layers-heading = Camadas
layers-open = Abrir…
layers-open-tip = Abrir arquivos GeoJSON (Ctrl+O), ou soltá-los sobre o mapa
layers-loading = Carregando { $file } ({ $mb } MB, { $secs } s)
layers-could-not-open = Não foi possível abrir { $file }
layers-none-open = Nenhuma camada aberta. Use Abrir… ou solte arquivos GeoJSON sobre o mapa.
layers-show-hide-tip = Mostrar ou ocultar esta camada (botão direito para editá-la)
    { $path }
layers-edit = Editar esta camada
layers-on-screen = { $count } na tela
layers-on-screen-tip = Feições desenhadas na vista atual
layers-on-screen-of = { $count } / { $total } na tela
layers-on-screen-of-tip = Feições desenhadas na vista atual / feições da camada
layers-close-tip = Fechar esta camada
layers-down-tip = Descer (desenhada embaixo)
layers-up-tip = Subir (desenhada por cima)
layers-columns = Colunas…
layers-csv-columns-tip = Colunas do CSV: { $summary }
layers-opacity = opacidade
layers-reload-failed = A recarga falhou; mostrando a última versão válida:
layers-problems = { $errors ->
    [one] { $errors } erro
   *[other] { $errors } erros
}, { $warnings ->
    [one] { $warnings } aviso
   *[other] { $warnings } avisos
}
layers-time-none = nenhuma
layers-time-from = Datas do campo
layers-time-automatic = automática
layers-time-automatic-tip = Um campo com nome de data cujos valores se leem como datas
layers-time-none-always = nenhuma (sempre visível)
layers-time-from-tip = A propriedade que põe as feições desta camada na linha do tempo
layers-problems-in = Problemas em { $layer }
layers-error = erro
layers-warning = aviso
layers-and-more-verbose = … e mais { $count } (sitmap check --verbose lista todos)

## Mensagens de status e avisos

status-opened = { $file } aberto em { $secs } s
status-drawing = Desenhando { $file }…
status-reloaded = { $file } recarregado
status-kept-previous = { $file } está corrompido; mantendo a última versão válida
status-no-open-dialog = Não é possível mostrar o diálogo de abrir: { $error }
status-copied = Copiado: { $text }
status-saved = Salvo { $path } (a versão anterior fica guardada como .bak)
status-no-file-dialog = Não é possível mostrar o diálogo de arquivos: { $error }
status-save-or-revert = { $name }: salve ou descarte as edições antes
status-edited-unsaved = A camada em edição tem alterações não salvas: salve-as ou descarte-as antes
status-story-not-saved = Não salvo: { $error }
status-story-save-failed = Não foi possível salvar { $path }: { $error }. Suas edições continuam aqui; tente Arquivo > Salvar história como….
share-too-big = { $path } é grande demais para caber inteiro na memória: só é exportado para GeoJSON (em fluxo)
share-exported = { $count ->
    [one] { $count } feição exportada
   *[other] { $count } feições exportadas
} para { $path }
share-export-failed = Não foi possível exportar: { $error }
share-exporting = Exportando { $file } para { $path }…
share-bundle-saved = A história e { $count ->
    [one] { $count } camada foram salvas
   *[other] { $count } camadas foram salvas
} como { $path }
share-bundle-failed = Não foi possível salvar o pacote: { $error }
notice-layer-recovered = Edições não salvas da camada { $name } da última vez foram recuperadas; salve a camada para mantê-las ou descarte-as para apagá-las.
notice-layer-not-saved = A camada não foi salva: { $error }. Suas edições continuam aqui.
notice-view-not-editable = { $path } é lido por vista e não pode ser editado aqui; edite um recorte (`ogr2ogr -spat W S E N saida.fgb { $path }`)
notice-story-gone = A história { $path } estava aberta da última vez, mas não existe mais.
notice-story-recovered = Edições não salvas de { $path } da última vez foram recuperadas; salve a história para mantê-las ou descarte-as para apagá-las.
notice-story-not-opened = Não foi possível abrir a história: { $error }
rings-this-feature = esta feição
rings-round = Anéis de alcance em volta de { $title }…
rings-here = Anéis de alcance aqui…
export-no-map = Ainda não há mapa para exportar.
export-saved = Vista salva em { $path }
export-failed = Não foi possível salvar a vista: { $error }

## Cartão de boas-vindas, slides da apresentação

welcome-heading = sitmap: um mapa de situação, dia a dia
welcome-dismiss = Entendi
welcome-play = ▶ Reproduzir a linha do tempo
welcome-present = Apresentar a história
welcome-open = Abrir seus próprios dados…
welcome-play-how = dia a dia (Espaço); ou arraste a linha do tempo para qualquer dia
welcome-present-how = em tela cheia, cena por cena (F5; PageDown avança, Esc sai)
welcome-open-how = GeoJSON, CSV, KML ou GPX (Ctrl+O, ou solte arquivos sobre o mapa)
welcome-f1 = F1 lista todas as teclas.
slide-approximate = Posição aproximada
slide-blank-hint = B para mostrar o mapa
slide-keys-hint = PageDown / Espaço: avançar  ·  PageUp: voltar  ·  B: tela preta  ·  D: caneta  ·  P: janela do apresentador  ·  Esc: sair

## Diálogos

cancel = Cancelar
about-title = Sobre o sitmap
about-text = sitmap: um mapa de situação das Américas, dia a dia.
about-sources = Fontes dos dados
about-coastlines = Litorais, lagos e fronteiras:
about-public-domain = (domínio público).
about-cities = Cidades:
about-online = Mapas base online, se escolhidos:
about-osm-contributors = © colaboradores do OpenStreetMap
about-and = e
quit-heading = Salvar antes de sair?
quit-unsaved = { $file } tem alterações não salvas.
quit-not-kept = Elas não estão guardadas em nenhum outro lugar: { $note }.
quit-save = Salvar e sair
quit-discard = Descartar as alterações e sair
quit-the-layer = A camada { $layer } ({ $file })
quit-not-saved-yet = ainda não salva
quit-the-story = A história { $path }
conflict-heading = O arquivo da história mudou no disco
conflict-text = { $file } foi salvo por outro programa (ou outra janela do sitmap) desde que foi aberto aqui. Salvar agora substituiria essas alterações.
conflict-reload = Recarregar do disco
conflict-reload-tip = Descarta as alterações feitas aqui
conflict-overwrite = Sobrescrever
conflict-overwrite-tip = Substitui as alterações do arquivo
conflict-save-as = Salvar como outro arquivo…
new-layer-heading = Nova camada
new-layer-name = Nome da camada
new-layer-save-to = Salvar em (opcional; um arquivo .geojson)
new-layer-save-to-hint = perguntado ao salvar pela primeira vez
new-layer-create = Criar

## Painel de cenas e janela do apresentador

scenes-window = { $days ->
    [one] { $days } dia até { $end }
   *[other] { $days } dias até { $end }
}
scenes-no-story = Nenhuma história aberta. Uma história é uma lista de cenas: cada uma com uma vista, uma data e um texto.
scenes-new-story = Nova história
scenes-story-title = Título:
scenes-unsaved = { $file } · não salvo
scenes-unsaved-tip = As alterações não salvas ficam numa cópia de recuperação se o sitmap fechar; Salvar grava o arquivo.
scenes-not-kept = Não são guardadas se o sitmap fechar ou travar ({ $problem }). Salve para manter estas alterações.
scenes-save = Salvar
scenes-save-tip = Ctrl+S; o arquivo anterior é mantido como .bak
scenes-save-as = Salvar como…
scenes-revert = Reverter
scenes-revert-tip = Descartar todas as alterações não salvas
scenes-present-tip = F5; Esc sai
scenes-add = + Adicionar da vista
scenes-add-tip = Uma cena nova com o que o mapa mostra agora: vista, data, camadas, seleção
scenes-warnings = { $count ->
    [one] { $count } aviso
   *[other] { $count } avisos
}
scenes-none = Ainda não há cenas: prepare o mapa e depois Adicionar da vista.
scenes-scene = Cena { $number }
scenes-earlier = Antes
scenes-earlier-tip = Mover para antes
scenes-later = Depois
scenes-later-tip = Mover para depois
scenes-use-view = Usar esta vista
scenes-use-view-tip = A cena assume a vista, a data e as camadas visíveis do mapa
scenes-delete = Excluir
scenes-delete-tip = Remover a cena (Reverter a traz de volta até você salvar)
scenes-editing-translation = Editando o texto em { $language }; campos vazios mostram o original da história.
scenes-title = Título
scenes-caption = Texto (**negrito**, *itálico*, [link](https://…))
scenes-notes = Notas do apresentador
scenes-highlighted = { $when } · { $count } destacados
story-untranslated = A história não tem texto em { $language } para { $count ->
    [one] a cena { $scenes }
   *[other] as cenas { $scenes }
}; elas aparecem no idioma original.
presenter-no-notes = (sem notas para esta cena)
presenter-scene-of = Cena { $number } de { $count }
presenter-no-scene = Ainda não há cena: pressione PageDown para começar.
presenter-show = Mostrar
presenter-blank = Tela preta
story-untranslated-all = A história não tem texto em { $language }; ela aparece no idioma original.
lang-en = inglês
lang-es = espanhol
lang-pt-BR = português do Brasil

## Anéis de alcance, exportar camada e busca de lugares

compass-n = N
compass-s = S
compass-e = L
compass-w = O
rings-dialog-round = Em volta de { $place }
rings-dialog-round-named = Em volta de { $name } ({ $place })
rings-dialog-radii = Raios
rings-dialog-rings-at = Anéis a { $radii }
rings-dialog-add = Adicionar anéis
export-layer-title = Exportar camada
export-layer-none = Nenhuma camada aberta.
export-layer-layer = Camada
export-layer-format = Formato
export-layer-only-shown = Só o que aparece em { $day }
export-layer-export = Exportar…
menu-file-export-video = Exportar vídeo…
video-title = Exportar vídeo
video-what = O quê
video-story = A história (todas as cenas)
video-range = Um intervalo de datas
video-from = De
video-to = Até
video-size = Tamanho
video-custom = Personalizado
video-fps = Quadros por segundo
video-format-label = Formato
video-mp4 = MP4 (H.264)
video-gif = GIF
video-file = Arquivo
video-choose = Escolher…
video-choose-title = Exportar o vídeo como
video-export = Exportar
video-note = Desenhado a partir dos arquivos salvos, como no modo de apresentação.
video-preparing = Preparando o primeiro quadro…
video-progress = Quadro { $done } de { $total } · faltam cerca de { $left } s
video-written = Gravado: { $path }
video-failed = O vídeo não foi gravado: { $reason }
video-cancelled = Cancelado; o arquivo incompleto foi apagado.
video-no-path = Escolha o arquivo a gravar.
video-bad-size = { $size } pixels não é um tamanho de vídeo: cada lado de { $min } a { $max }
video-bad-date = { $date } não é uma data (AAAA-MM-DD): { $reason }
video-no-story = Nenhuma história aberta: abra uma (História › Abrir história…) ou escolha um intervalo de datas.
search-find = Buscar
search-hint = um lugar ou uma feição
search-nothing = Nada encontrado
search-keys = Cima/Baixo: escolher · Enter: ir para lá · Esc: fechar
search-country = País
search-capital = Capital
search-city = Cidade

## F1: as teclas (linha a linha do KEYMAP em src/ui/keys.rs)

keymap-keys-1 = Setas
keymap-does-1 = Mover o mapa (com camadas datadas: Cima/Baixo e Shift+setas)
keymap-keys-2 = Esquerda / Direita
keymap-does-2 = Um dia para trás / para a frente (com camadas datadas)
keymap-keys-3 = PageUp / PageDown
keymap-does-3 = Evento anterior / próximo (o que os passadores de slides enviam)
keymap-keys-4 = Home / End
keymap-does-4 = Primeira / última data
keymap-keys-5 = Espaço
keymap-does-5 = Reproduzir ou pausar a linha do tempo
keymap-keys-6 = + / −
keymap-does-6 = Aproximar / afastar
keymap-keys-7 = Roda do mouse, pinça
keymap-does-7 = Zoom no ponteiro
keymap-keys-8 = Arrastar
keymap-does-8 = Mover o mapa
keymap-keys-9 = H
keymap-does-9 = Início: as Américas inteiras
keymap-keys-10 = 1 … 5
keymap-does-10 = Vistas: Américas, Caribe, México, Venezuela e Colômbia, Pacífico Oriental
keymap-keys-11 = Ctrl+O
keymap-does-11 = Abrir camadas GeoJSON (ou soltar arquivos sobre o mapa)
keymap-keys-12 = Ctrl+E
keymap-does-12 = Salvar a vista do mapa como PNG (em Imagens/sitmap)
keymap-keys-13 = F5
keymap-does-13 = Apresentar a história (Esc sai)
keymap-keys-14 = Numa apresentação
keymap-does-14 = PageDown, Espaço, Direita, Baixo ou clique: próxima cena · PageUp, Esquerda, Cima ou clique direito: voltar · Home/End · B: tela preta · P: janela do apresentador
keymap-keys-15 = D / E / K (apresentando)
keymap-does-15 = Caneta: desenhar no slide com o mouse ou uma mesa digitalizadora · apagar os traços da caneta · guardá-los como anotações da cena (uma troca de cena os apaga)
keymap-keys-16 = Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y
keymap-does-16 = Desfazer / refazer uma alteração da camada em edição
keymap-keys-17 = Ctrl+S (editando)
keymap-does-17 = Salvar a camada em edição
keymap-keys-18 = V, P, L, G, R (editando)
keymap-does-18 = Ferramentas: selecionar e mover, ponto, linha, polígono, anel de alcance
keymap-keys-19 = Enter / Esc (editando)
keymap-does-19 = Concluir / cancelar a linha ou o polígono sendo desenhado
keymap-keys-20 = Delete (editando)
keymap-does-20 = Excluir a feição selecionada
keymap-keys-21 = M
keymap-does-21 = Medir: clique em lugares para distâncias geodésicas (km, mn) e rumos
keymap-keys-22 = C
keymap-does-22 = Comparar o dia da linha do tempo (B) com um mês antes (A); de novo para sair (Exibir › Comparar datas…)
keymap-keys-23 = [ / ]
keymap-does-23 = Comparando: a data A um dia para trás / para a frente (a linha do tempo move B)
keymap-keys-24 = Ctrl+F
keymap-does-24 = Buscar um lugar (países, capitais, cidades) ou uma feição pelo título; Enter voa até lá
keymap-keys-25 = Backspace / Esc (medindo)
keymap-does-25 = Remover o último lugar medido / parar de medir
keymap-keys-26 = Ctrl+S
keymap-does-26 = Salvar a história
keymap-keys-27 = S
keymap-does-27 = Mostrar ou ocultar o painel de cenas
keymap-keys-28 = Clique
keymap-does-28 = Selecionar uma feição: seus detalhes, fontes e coordenadas
keymap-keys-29 = Esc
keymap-does-29 = Desmarcar
keymap-keys-30 = F1
keymap-does-30 = Esta lista
keymap-keys-31 = Ctrl+Q
keymap-does-31 = Sair
presenter-elapsed = { $time } decorridos
presenter-next = Próxima ▶
presenter-back = ◀ Voltar
presenter-next-scene = Próxima: { $title }
presenter-last-scene = Última cena
share-no-story = Primeiro abra ou crie uma história: um pacote é uma história e suas camadas.
share-layer-closed = A camada foi fechada antes de poder ser exportada.
share-story-closed = A história foi fechada antes de poder ser salva.

## Edição de uma camada

edit-heading = Editando { $layer }
edit-saves-to = Salva em { $path }
edit-from-source = De { $path }: salva como um novo arquivo GeoJSON, nunca por cima
edit-not-saved = Ainda não salva: Salvar pergunta onde
edit-unsaved = Alterações não salvas
edit-undo = Desfazer
edit-redo = Refazer
edit-save = Salvar camada
edit-save-as = Salvar camada como…
edit-stop = Parar de editar
edit-select-a-feature = Selecione uma feição desta camada, ou desenhe uma, para editá-la.
edit-description = Descrição
edit-delete-feature = Excluir feição
edit-dates-help = Datas: AAAA-MM-DD, ou data e hora com Z ou um fuso; o fim pode ser `ongoing`
edit-start = Início
edit-end = Fim
edit-number-range = { $key } deve ser um número de { $from } a { $to }
edit-location = Localização
edit-location-not-said = não informada
edit-location-exact = exata
edit-location-approximate = aproximada
edit-uncertainty-km = Incerteza (km)
edit-range-rings-km = Anéis de alcance (km): { $radii }
edit-range-ring-km = Anel de alcance (km)
edit-sources = Fontes
edit-source-title = Título da fonte
edit-source-url = URL
edit-source-published = Publicada
edit-url-not-web = A URL deve ser um endereço web (https://…)
edit-remove-source = Remover fonte
edit-add-source = + Adicionar fonte
edit-colour = Cor
edit-colour-invalid = uma cor é #rrggbb ou #rgb
edit-tool-select = Selecionar
edit-tool-point = Ponto
edit-tool-line = Linha
edit-tool-polygon = Polígono
edit-tool-circle = Anel de alcance
edit-tool-select-hint = Clique numa feição para editá-la; arraste-a, ou seus vértices, para movê-los
edit-tool-point-hint = Clique no mapa para pôr um ponto
edit-tool-line-hint = Clique em cada vértice; clique duplo ou Enter para concluir, Esc para cancelar
edit-tool-polygon-hint = Clique em cada canto; clique duplo ou Enter para concluir, Esc para cancelar
edit-tool-circle-hint = Clique no centro e depois num ponto do anel

## Colunas de CSV

csv-title = Colunas de { $layer }
csv-guessed = Deduzido: { $summary }
csv-latitude = Latitude
csv-longitude = Longitude
csv-geometry = Geometria (WKT)
csv-start = Data de início
csv-end = Data de fim
csv-dates-like = Datas como 03/04/2025
csv-as-guessed = como deduzido
csv-day-month = dia/mês
csv-month-day = mês/dia
csv-first-rows = Primeiras linhas, como seriam lidas
csv-apply = Aplicar
csv-reset = Voltar ao deduzido
csv-as-guessed-column = como deduzido ({ $column })
csv-as-guessed-none = como deduzido (nenhuma)
csv-position = posição
csv-start-column = início

## Compare, servers and annotations (menus)
menu-view-compare = Comparar datas…
menu-view-compare-tip = Duas datas lado a lado, ou só o que mudou entre elas
menu-view-compare-split = Comparar lado a lado
menu-view-compare-changes = Comparar: o que mudou
menu-view-compare-stop = Parar de comparar
menu-file-open-server = Abrir de um servidor…
menu-file-open-server-tip = Uma camada de um servidor OGC API – Features
menu-tools-annotate = Anotar
annotate-arrow = Seta
annotate-text = Texto com balão
annotate-freehand = Mão livre
annotate-arrow-tip = Arraste da cauda até a ponta (ou clique, depois clique)
annotate-text-tip = Clique no lugar, digite o texto, Enter
annotate-freehand-tip = Arraste para desenhar
annotate-stop = Parar de anotar
annotate-remove-last = Remover a última anotação da cena
