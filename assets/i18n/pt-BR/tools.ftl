# O diálogo de servidores e as camadas de servidor, os arquivos FlatGeobuf
# lidos por vista, a janela e os rótulos de Comparar datas, e o balão de
# texto das anotações.

## Abrir de um servidor, e a linha de uma camada de servidor no painel de camadas

server-title = Abrir de um servidor
server-about = A página inicial de um servidor OGC API – Features (pygeoapi, GeoServer, ldproxy, tipg, …)
server-address = Endereço do servidor
server-list = Listar coleções
server-asking = Consultando o servidor… { $secs } s
server-collections = { $count ->
    [0] { $count } coleções de feições
    [one] { $count } coleção de feições
   *[other] { $count } coleções de feições
} em { $endpoint }
server-extent = { $west }°, { $south }° a { $east }°, { $north }°
server-open = Abrir como camada
server-open-tip = As feições da vista do mapa e da janela da linha do tempo são baixadas conforme você se move
server-in-view = { $count } na vista
server-more = ; há mais no servidor
server-matched-tip = O servidor tem { $count } feições nesta vista e neste período
server-sent-tip = Feições que o servidor enviou para esta vista e este período
server-capped-tip = ; o sitmap para em { $pages } páginas ou { $features } feições por vista: aproxime o mapa ou encurte a janela da linha do tempo para ver o resto
server-cached-tip = { " " }(do cache desta sessão)
server-failed = A consulta ao servidor falhou
server-retry = Tentar de novo
server-retry-tip = Consultar o servidor de novo para esta vista
server-opened = { $title } aberto a partir do servidor
server-gone = { $endpoint } não oferece mais a coleção `{ $id }`; ela não foi reaberta.
server-not-reopened = Uma camada de servidor aberta da última vez não foi reaberta: { $reason }
layers-loading-server = Carregando { $file } ({ $secs } s)

## Um arquivo FlatGeobuf lido por vista

layers-by-view-on-screen = { $count } na tela
layers-by-view-on-screen-tip = Feições desenhadas na vista atual
layers-by-view-tip = Um arquivo FlatGeobuf grande é lido uma vista por vez pelo seu índice espacial (a vista e uma margem ao redor); acima de um limite, uma amostra uniforme das feições: aproxime o mapa para ver todas
view-reading = { $count } feições; lendo a vista…
view-sampled = mostrando { $held } de { $in_view } na vista: aproxime o mapa
view-in-view = { $in_view } na vista, de { $in_file }
view-still-reading = { " " }(lendo…)
view-cannot-read = Não é possível ler { $path } por vista: { $reason }

## Comparar datas

compare-title = Comparar datas
compare-needs-dates = Para comparar são necessárias camadas com datas.
compare-date-b = A data B é o dia da linha do tempo: { $date } (mova-a na linha do tempo).
compare-date-a = Data A:
compare-date-hint = AAAA-MM-DD
compare-not-a-date = não é uma data; escreva AAAA-MM-DD, p. ex., 2025-09-02
compare-set-a = Definir A
compare-start = Comparar
compare-split = Lado a lado
compare-changes = O que mudou
compare-keys = [ e ] movem a data A um dia; C sai.
compare-stop = Parar de comparar
compare-appeared = { $count ->
    [0] { $count } surgiram
    [one] { $count } surgiu
   *[other] { $count } surgiram
}
compare-ended = { $count ->
    [0] { $count } terminaram
    [one] { $count } terminou
   *[other] { $count } terminaram
}
compare-moved = { $count ->
    [0] { $count } se moveram
    [one] { $count } se moveu
   *[other] { $count } se moveram
}

## Anotações

annotate-callout-title = Balão de texto
annotate-callout = Texto:
annotate-callout-hint = Texto no mapa
annotate-add = Adicionar
annotate-needs-scene = As anotações pertencem a uma cena: abra uma história e vá primeiro a uma cena.

## Anéis de alcance: os raios digitados

rings-radii-hint = 500; 1000; 2,5
rings-radii-help = Números separados por ponto e vírgula ou espaços, com vírgula decimal (2,5); uma unidade depois deles também é aceita
rings-list = { $first } e { $last }
rings-list-separator = ;{ " " }
rings-empty = Digite um ou mais raios, p. ex., { $example }
rings-not-a-number = `{ $text }` não é um número
rings-decimal-point = `{ $text }`: escreva os decimais com vírgula (2,5) e separe os raios com ponto e vírgula ou espaços
rings-not-positive = `{ $text }` não é um raio: os raios são maiores que 0
rings-too-wide = `{ $text }` é mais largo que metade da Terra ({ $max } km)
rings-too-many = No máximo { $max } anéis de uma vez
rings-unknown-unit = `{ $text }` não é uma unidade: escreva km ou nm
