# Os problemas que os leitores encontram num arquivo de camada, e o leitor
# de histórias num arquivo de história. O que está entre crases é o que o
# arquivo diz (uma propriedade, um valor) e não se traduz.

## Onde, num arquivo

place-feature = feição { $n }
place-row = linha { $n }
place-placemark = marcador { $n }
place-record = registro { $n }
place-file = o arquivo
group-summary = { $path }: { $count } feições { $what }; p. ex., { $places } ({ $first })

## Problemas de um tipo, depois de "N feições"

kind-file = têm um problema com o arquivo
kind-not-feature = não são Features GeoJSON e foram ignoradas
kind-geometry = têm uma geometria que não pode ser lida e foram ignoradas
kind-duplicate-id = repetem o id de uma feição anterior (ambas são mantidas)
kind-unread = têm um `{ $key }` que o sitmap não consegue ler (mantido e mostrado como está escrito)
kind-date = têm uma data que não pode ser lida (mantida e mostrada como está escrita)
kind-source = têm uma fonte que não é um link da web (mostrada como está escrita)
kind-no-start = não têm `start`: mostradas em todas as datas
kind-no-sources = não têm fontes
kind-no-uncertainty = são aproximadas e não têm `uncertainty_km`
kind-time-field = têm no campo de tempo um valor que não é uma data

## Um arquivo inteiro

load-read = não é possível ler o arquivo: { $reason }
load-empty = o arquivo está vazio; uma camada é uma FeatureCollection GeoJSON (ou uma Feature por linha)
load-too-large = o arquivo tem mais de { $mib } MiB, o máximo que o sitmap carrega como uma camada; divida-o em várias camadas
load-not-utf8 = não é texto UTF-8 na linha { $line }, coluna { $column }; salve o arquivo como UTF-8
load-not-json = não é JSON válido na linha { $line }, coluna { $column }: { $reason }
load-not-geojson = não é GeoJSON na linha { $line }, coluna { $column }: { $reason }
load-projected-crs = o `crs` do arquivo diz que as coordenadas estão no sistema de coordenadas { $crs }, mas o GeoJSON (RFC 7946) e o sitmap usam longitude/latitude WGS 84; converta-o, p. ex., `ogr2ogr -t_srs EPSG:4326 saida.geojson entrada.geojson`
load-projected-crs-mercator = o `crs` do arquivo diz que as coordenadas estão em metros Web Mercator (EPSG:3857), mas o GeoJSON (RFC 7946) e o sitmap usam longitude/latitude WGS 84; converta-o, p. ex., `ogr2ogr -t_srs EPSG:4326 saida.geojson entrada.geojson`
load-osm-json = isto é OSM JSON (`elements` do OpenStreetMap ou da API Overpass), não GeoJSON; converta-o com o osmtogeojson ou exporte GeoJSON pelo overpass-turbo
load-no-type = o objeto de primeiro nível não tem `type`; esperava-se uma FeatureCollection, uma Feature ou uma geometria
load-top-not-object = o primeiro nível não é um objeto JSON; esperava-se uma FeatureCollection, uma Feature ou uma geometria
load-no-features = a FeatureCollection não tem um array `features`
load-features-not-array = `features` não é um array
load-unknown-type = `type` é { $value }; esperava-se FeatureCollection, Feature ou um tipo de geometria
load-sitmap-not-object = `sitmap` não é um objeto como { "{" }"name": .., "color": ..{ "}" }; ignorado
load-sitmap-not-text = sitmap.{ $key } é { $value }, não texto; ignorado
load-sitmap-colour = sitmap.color `{ $value }` não é uma cor #rrggbb; ignorada

## Uma feição

check-not-feature-object = não é um objeto Feature, mas `{ $value }`
check-not-valid-feature = não é uma Feature válida: { $reason } (linha { $line }, coluna { $column })
check-bad-properties = propriedades inválidas: { $reason } (linha { $line }, coluna { $column })
check-bad-geometry = geometria inválida: { $reason } (linha { $line }, coluna { $column })
check-bad-geometry-text = geometria inválida: { $reason }
check-type-not-feature = `type` é { $value }, esperava-se "Feature"
check-no-type = não tem `"type": "Feature"`
check-duplicate-id = id repetido: a feição { $first } já usa `{ $id }`
check-id-not-text = `id` é { $value }, não um texto nem um número; mostrado como está escrito
check-date-not-text = `{ $key }` é { $value }, não uma data (AAAA-MM-DD) nem uma data e hora RFC 3339; mostrado como está escrito
check-date-shown-always = { $reason }; a feição é mostrada em todas as datas
check-date-end-ignored = { $reason }; `end` é ignorado
check-sources-not-array = `sources` não é um array de objetos { "{" }"title", "url", "published"{ "}" }; mostrado como está escrito
check-source-not-object = sources[{ $i }] não é um objeto com `title` ou `url`
check-source-url-not-text = sources[{ $i }].url é { $value }, não texto
check-source-url-not-web = sources[{ $i }].url { $value } não é um endereço http ou https; não é um link
check-source-empty = sources[{ $i }] não tem `title` nem `url`
check-not-text = `{ $key }` não é texto; mostrado como está escrito
check-date-precision = date_precision { $value } não é "day", "month" nem "approximate"; tomado como dia
check-uncertainty-km = uncertainty_km { $value } não é uma distância em km; ignorado
check-location-precision = location_precision { $value } não é "exact" nem "approximate"; tomado como exato
check-no-uncertainty = location_precision é approximate, mas falta `uncertainty_km`; adicione o raio em km
check-not-colour = { $key } { $value } não é uma cor #rrggbb; ignorado
check-not-in-range = { $key } { $value } não é um número de 0 a { $max }; ignorado
check-radius-unit = radius_unit { $value } não é km nem nm; os anéis são rotulados em km
check-radius-km = radius_km { $value } não é um número de 0 a { $max } nem uma lista de no máximo { $rings } deles; ignorado
check-time-field = o campo de tempo `{ $key }` é { $value }, não uma data; a feição é mostrada em todas as datas
check-no-start = sem `start`: a feição não tem data e é mostrada em todas as datas
check-no-sources = sem fontes: adicione em `sources` uma entrada com a `url` de um relatório

## Uma geometria

geometry-missing = falta a geometria (null); toda feição precisa de uma
geometry-empty = o { $what } não tem posições
geometry-position-too-short = uma posição tem { $count } número(s); precisa de [longitude, latitude]
geometry-out-of-range = a coordenada { $coordinate } está fora do intervalo (longitude -180..180, latitude -90..90; no GeoJSON a longitude vem primeiro)
geometry-not-finite = a coordenada { $coordinate } não é um número finito
geometry-line-too-short = um LineString precisa de pelo menos 2 posições, este tem { $count }
geometry-ring-too-short = um anel de Polygon precisa de pelo menos 4 posições, o anel { $ring } tem { $count }
geometry-ring-around-pole = o anel { $ring } do Polygon contorna um polo cruzando o antimeridiano e não pode ser desenhado; divida-o em partes em ±180°

## Uma data

time-no-offset = { $field } `{ $text }` não tem fuso UTC; adicione `Z` (UTC) ou `+hh:mm` à data e hora
time-unparsable = { $field } `{ $text }` não é uma data (AAAA-MM-DD) nem uma data e hora RFC 3339: { $reason }
time-end-before-start = o fim `{ $end }` é anterior ao início `{ $start }`
time-end-without-start = tem `end` ({ $end }) mas não `start`; adicione a data de início
time-ongoing-start = start não pode ser `ongoing`; só `end` pode

## Outros formatos

csv-header = a linha de cabeçalho não pode ser lida como CSV: { $reason }
csv-not-readable = não pode ser lido como CSV na linha { $line }: { $reason }
csv-too-much-text = há texto demais nas células para ler como uma camada
csv-not-utf8 = as células não são texto UTF-8: { $reason }
csv-failed = a conversão do CSV falhou
csv-geometry-empty = a célula de geometria está vazia
csv-no-lat-lon-columns = não há colunas de latitude e longitude; escolha-as em Colunas… sob a camada
csv-no-latitude = sem latitude
csv-no-longitude = sem longitude
csv-latitude-not-number = a latitude { $value } não é um número
csv-longitude-not-number = a longitude { $value } não é um número
csv-off-globe = a latitude { $lat } e a longitude { $lon } não estão no globo (±90°, ±180°); as coordenadas são projetadas?
csv-geometry-json = a geometria não é JSON válido: { $reason }
csv-wkt-too-deep = a geometria WKT tem aninhamento profundo demais
csv-not-wkt = a geometria { $head } não é WKT: { $reason }
csv-wkt-empty = a geometria é um { $kind } vazio
csv-not-read-as-date = { $column } { $value } não é lido como data ({ $why }); a linha é mantida sem ele
csv-date-ambiguous = não dá para distinguir o dia do mês
csv-no-such-date = essa data não existe
csv-no-such-time = esse horário não existe
csv-not-a-date = não é uma data
csv-windows-1252 = o arquivo não é UTF-8; lido como Windows-1252 (Latin-1), como o Excel salva. Se as letras acentuadas parecerem erradas, salve o arquivo como UTF-8
csv-unsure-latitude = { $count } colunas poderiam ser a latitude
csv-unsure-no-position = não foram reconhecidas colunas de latitude e longitude (nem WKT)
csv-unsure-date = { $columns } poderiam ser a data; foi usada { $taken }
csv-and = { $list } e { $last }
# The column dialog's preview of a row
csv-preview-not-geometry = não é uma geometria
csv-preview-off-globe = fora do globo
csv-preview-no-position = sem posição
csv-preview-undated = sem data
csv-unsure-day-month = datas como { $example } poderiam ser dia/mês ou mês/dia; lidas como dia/mês
csv-unsure-mixed-orders = a coluna de datas mistura as ordens dia/mês e mês/dia
kmz-not-zip = não é um arquivo KMZ (zip) legível: { $reason }
kmz-no-kml = o arquivo KMZ não contém nenhum arquivo .kml ({ $count ->
    [one] { $count } arquivo de outro tipo
   *[other] { $count } arquivos de outro tipo
})
kmz-unpack = não é possível extrair `{ $name }` do KMZ: { $reason }
xml-not-utf8 = o arquivo não é UTF-8; caracteres ilegíveis aparecem como �
xml-invalid = XML inválido na linha { $line }, coluna { $column }: { $reason }
xml-end-without-start = uma tag de fechamento sem a de abertura
xml-ends-inside = o arquivo termina dentro de <{ $name }> (está cortado?)
xml-ends-inside-element = o arquivo termina dentro de um elemento (está cortado?)
xml-no-element = nenhum elemento
kml-ends-early = o arquivo termina antes da última tag de fechamento (está cortado?)
kml-coordinates = as coordenadas de { $what } { $reason }
kml-one-number = têm uma posição com um só número ({ $number })
kml-hold = contêm { $reason }
kml-not-number = `{ $token }`, que não é um número ({ $what })
kml-coord-short = o gx:coord `{ $text }` precisa de uma longitude e uma latitude
kml-no-address = (sem endereço)
kml-network-link = o NetworkLink{ $name } para { $href } não é baixado; abra esse arquivo diretamente
kml-overlays = { $count ->
    [one] { $count } sobreposição de imagem
   *[other] { $count } sobreposições de imagem
} (GroundOverlay, ScreenOverlay, PhotoOverlay) não mostradas; o sitmap lê marcadores
kml-zoneless = { $count ->
    [one] { $count } hora de marcador tem data e hora
   *[other] { $count } horas de marcadores têm data e hora
} sem fuso horário; tomado como UTC
kml-no-placemark = nenhum Placemark no arquivo; nada a mostrar
gpx-ends-early = o arquivo termina antes de </gpx> (está cortado?)
gpx-waypoint = waypoint{ $name }: { $reason }
gpx-route = rota{ $name }: { $reason }
gpx-track = trilha{ $name }: { $reason }
gpx-point = ponto { $n }: { $reason }
gpx-no-attribute = falta o atributo `{ $name }`
gpx-not-number = `{ $name }` `{ $text }` não é um número
kml-stopped = { $reason }; os { $count } marcadores anteriores foram carregados
gpx-stopped = { $reason }; os { $count } waypoints, rotas e trilhas anteriores foram carregados
gpx-zoneless = { $count ->
    [one] { $count } horário sem fuso horário, lido como UTC
   *[other] { $count } horários sem fuso horário, lidos como UTC
}
fgb-stopped = o leitor de FlatGeobuf parou inesperadamente
fgb-crs-wkt-only = o sistema de referência de coordenadas do arquivo não tem código (só WKT); o sitmap toma as coordenadas como longitude e latitude (WGS 84)
fgb-crs-no-code = o sistema de referência de coordenadas do arquivo não tem código ({ $name }); o sitmap toma as coordenadas como longitude e latitude (WGS 84)
fgb-projected = as coordenadas do arquivo estão em { $crs }, não em longitude e latitude (EPSG:4326); o sitmap não reprojeta: converta-o antes, p. ex., `ogr2ogr -t_srs EPSG:4326 saida.fgb entrada.fgb`
fgb-too-many-declared = o cabeçalho declara { $declared } feições, mais do que um arquivo de { $bytes } bytes pode indexar: truncado ou corrompido
fgb-no-index = o arquivo não tem índice espacial, então não é possível ler só um retângulo dele; abra o arquivo inteiro
fgb-index-truncated = o arquivo termina dentro do índice ({ $bytes } bytes para { $declared } feições): truncado
fgb-view-no-index = o arquivo não tem índice espacial (ou não informa quantas feições tem), então não pode ser lido por vista
fgb-part-header = cabeçalho
fgb-part-index = índice
fgb-part-feature = feição
fgb-not-fgb = não é um arquivo FlatGeobuf (não começa com `fgb`)
fgb-ends-inside = o arquivo termina dentro do { $part }: truncado
fgb-cannot-read = não é possível ler o { $part }: { $reason } (FlatGeobuf corrompido)
fgb-feature = feição { $n }: { $reason }
fgb-feature-corrupt = não é possível ler a feição: { $reason } (FlatGeobuf corrompido)
fgb-ends-after = o arquivo termina depois de { $number } de suas { $expected } feições: truncado
fgb-at-byte = no byte { $at }: { $reason }
fgb-ends-at-byte = no byte { $at }: o arquivo termina no byte { $len }: truncado
fgb-record-past-end = no byte { $at }: um registro de { $size } bytes terminaria depois do fim do arquivo ({ $len } bytes): truncado ou corrompido
fgb-index-declares = o cabeçalho declara { $count } feições num índice de { $node_size } por nó, mais do que cabe num arquivo de { $bytes } bytes: truncado ou corrompido
fgb-index-cut = o arquivo termina dentro do índice espacial ({ $index } bytes para { $count } feições, restam { $left } depois do cabeçalho): truncado
fgb-index-below-leaves = o índice espacial aponta abaixo das folhas: corrompido
fgb-index-outside-level = o índice espacial aponta para o nó { $node }, fora do seu nível: corrompido
fgb-index-unreadable = não é possível ler o índice espacial: { $reason }
fgb-nested-too-deep = a geometria tem aninhamento profundo demais
fgb-geometry-type = o tipo de geometria { $kind } não é suportado (o sitmap lê pontos, linhas, polígonos, suas formas múltiplas e coleções)
fgb-point-empty = um ponto sem coordenadas
fgb-odd-coordinates = um número ímpar de coordenadas ({ $count })
fgb-part-outside = uma parte termina na posição { $end }, fora das { $count } posições da geometria
fgb-properties-end = as propriedades terminam dentro de { $what }
fgb-a-column-number = um número de coluna
fgb-column-outside = uma propriedade da coluna { $index }, mas o arquivo tem { $count } colunas
fgb-text-not-utf8 = o texto de `{ $name }` não é UTF-8
fgb-column-type = a coluna `{ $name }` tem um tipo desconhecido ({ $kind })
check-server-capped = parou depois de { $pages } páginas ({ $count } feições): há mais no servidor (o limite é { $max_pages } páginas ou { $max_features } feições)

## O recurso da janela

load-failed = { $path }: não foi possível carregar

## Um arquivo de história

story-scene = cena { $number }{ $title }
story-too-large = o arquivo tem mais de 16 MiB; é mesmo um arquivo de história?
story-not-object = um arquivo de história é um objeto JSON, { "{" }"title": .., "scenes": [..]{ "}" }
story-no-title = falta "title"; a história precisa de um
story-translations = "translations": { $reason }
story-no-scenes = falta "scenes"; um arquivo de história é { "{" }"title": .., "scenes": [..]{ "}" }
story-scene-not-object = uma cena deve ser um objeto JSON
story-scene-no-title = falta "title"; toda cena precisa de um
story-field = o campo { $key }: { $reason }
story-invalid-type = tipo inválido: { $found }; esperava-se { $expected }
story-invalid-value = valor inválido: { $found }; esperava-se { $expected }
story-unknown-field = campo desconhecido { $found }; esperava-se { $expected }
story-unknown-variant = variante desconhecida { $found }; esperava-se { $expected }
story-window-days = "window": "days" deve ser 1 ou mais
story-date-and-window = tem "date" e "window" ao mesmo tempo; informe só um
story-no-date = não tem "date" nem "window"; informe "date": "AAAA-MM-DD" ou "window": { "{" }"end": "AAAA-MM-DD", "days": N{ "}" }
story-annotation-left-out = anotação { $number }: { $reason }; deixada de fora
annotation-not-object = uma anotação é um objeto JSON, p. ex., { "{" }"kind": "arrow", ..{ "}" }
annotation-no-kind = falta "kind"; informe "arrow", "text" ou "stroke"
annotation-bad-kind = "kind" { $kind } não é uma anotação; use "arrow", "text" ou "stroke"
annotation-unknown-key = { $kind }: chave desconhecida { $key }
annotation-no-place = { $kind }: falta "{ $key }"; informe [lon, lat]
annotation-place = { $kind }: "{ $key }" { $problem }
annotation-not-lon-lat = { $value } não é [lon, lat]
annotation-outside = { $value } está fora do mundo (longitude -180..180, latitude -90..90)
annotation-no-text = text: falta o texto "text"
annotation-text-empty = text: "text" está vazio
annotation-text-long = text: "text" tem mais de { $max } caracteres
annotation-no-points = stroke: falta a lista "points" de [lon, lat]
annotation-few-points = stroke: "points" precisa de pelo menos dois lugares
annotation-many-points = stroke: mais de { $max } "points"
annotation-point = stroke: o ponto { $n } { $problem }
annotation-color = { $kind }: "color" { $value } não é uma cor; escreva "#rrggbb"
annotation-width = { $kind }: "width" { $value } não é uma espessura de { $min } a { $max }
story-compare-from-late = o "from" de compare, { $from }, deve ser anterior à data da cena, { $date } (a data A é a mais antiga)
story-compare-view = o "view" de compare, { $name }, não é uma vista; use "split" ou "changes"
story-not-language = { $code } não é uma etiqueta de idioma; escreva uma como "en", "es" ou "pt-BR"
story-not-a-date = { $what } { $text } não é uma data; escreva AAAA-MM-DD, p. ex., 2025-09-02
story-no-camera = falta "camera"; informe "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } ou { "{" }"bbox": [oeste, sul, leste, norte]{ "}" }
story-camera-both = camera tem "center" e "bbox" ao mesmo tempo; informe "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } ou { "{" }"bbox": [oeste, sul, leste, norte]{ "}" }
story-camera-empty = camera está vazia; informe "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } ou { "{" }"bbox": [oeste, sul, leste, norte]{ "}" }
story-camera-zoom = o zoom { $zoom } de camera está fora do intervalo; use de { $min } a { $max }
story-camera-no-zoom = o "center" de camera precisa de um "zoom"
story-camera-zoom-with-bbox = o "zoom" de camera acompanha "center"; um "bbox" é ajustado à janela
story-camera-out-of-range = { $what } de camera tem longitude { $lon }, latitude { $lat }: fora do intervalo (primeiro a longitude, -180..180, depois a latitude, -90..90)
story-bbox-not-number = o bbox { $bbox } de camera tem um valor que não é um número; escreva [oeste, sul, leste, norte] em graus
story-bbox-inverted = o bbox { $bbox } de camera está invertido ou vazio; escreva [oeste, sul, leste, norte] com oeste < leste e sul < norte
story-bbox-outside = o bbox { $bbox } de camera fica fora do mundo
story-bbox-cut = o bbox { $bbox } de camera passa das bordas do mundo (longitude -180..180, latitude -90..90); é mostrado como { $cut }
story-caption-link = o link da legenda para { $url } não é um endereço http ou https; é mostrado como texto
story-no-layer = nenhuma camada aberta se chama { $name }
story-id-not-found = o id destacado { $id } não está em nenhuma das camadas abertas
story-id-hidden = o id destacado { $id } está na camada { $layer }, que esta cena oculta
story-id-not-shown = o id destacado { $id } não está no mapa na data da cena

## O relatório de sitmap check

check-features = { $count ->
    [0] { $count } feições
    [one] { $count } feição
   *[other] { $count } feições
}
check-unlocated = , { $count } sem geometria
check-time-one = data { $date }
check-time-range = datas { $start } a { $end }
check-no-dated = nenhuma feição com data
check-time-from = { " " }(de `{ $field }`)
check-errors = { $count ->
    [0] { $count } erros
    [one] { $count } erro
   *[other] { $count } erros
}
check-warnings = { $count ->
    [0] { $count } avisos
    [one] { $count } aviso
   *[other] { $count } avisos
}
check-line = { $path }: { $features }; { $time }; { $errors }, { $warnings }
check-columns = { $path }: colunas { $columns }
check-unsure = { $path }: incerto: { $doubt }
check-active = { $path }: visíveis em { $filter }: { $active }
check-window = { $day } (janela de { $days ->
    [one] { $days } dia
   *[other] { $days } dias
})
check-error = erro: { $problem }
check-warning = aviso: { $problem }
check-total = { $files ->
    [one] { $files } arquivo verificado
   *[other] { $files } arquivos verificados
}: { $failed } com erros
check-story-fails = a história não carrega: { $reason }

## sitmap render, sitmap bundle, sitmap convert

render-no-file = { $path }: esse arquivo de camada não existe
render-changes-needs-compare = --changes mostra o que mudou entre duas datas: informe-as com --compare A,B
render-scene-needs-out = --scene precisa de --out ARQUIVO.png
render-no-such-scene = { $path }: não há cena { $number }; a história tem { $count ->
    [one] { $count } cena
   *[other] { $count } cenas
}
render-story-needs-out-dir = --story desenha cada cena em --out-dir PASTA, ou uma com --scene N --out ARQUIVO.png
render-no-scenes = a história não tem cenas
render-range-needs-out-dir = --from/--to gravam quadros numerados em --out-dir PASTA
render-needs-out = diga onde gravar a imagem: --out ARQUIVO.png
render-out-dir-misused = --out-dir é para as cenas de uma história ou um intervalo --from/--to; use --out ARQUIVO.png
render-not-png = { $path }: a saída deve ser um arquivo .png
render-to-before-from = --to { $to } é anterior a --from { $from }
render-too-many-frames = de { $from } a { $to } a cada { $step } dias são { $count } quadros; no máximo { $max } são gravados
render-layer-failed = não foi possível carregar a camada: { $reason }
render-timeout = o mapa ainda não estava completo depois de { $secs } s ({ $waiting }); tente um --timeout maior
render-waiting-tiles = os blocos do mapa base ainda estavam sendo desenhados
render-waiting-layers = arquivos de camadas ainda estavam carregando
render-waiting-changes = algo no mapa ainda estava mudando
render-waiting-view = a vista inicial nunca se estabilizou
render-cancelled = cancelado; o vídeo inacabado foi removido
render-out-dir = não é possível criar a pasta: { $reason }
video-missing = falta --video ARQUIVO.mp4 ou ARQUIVO.gif
video-format = { $path }: um vídeo é gravado como .mp4 (H.264) ou .gif
video-needs-what = --video precisa do que mostrar: --story ARQUIVO (as cenas) ou --from D --to D
video-too-long = esse vídeo tem { $count } quadros; no máximo { $max } (uma hora a 30 fps) são gravados
video-odd-size = --size { $size }: um MP4 (H.264) precisa de largura e altura pares
video-cannot-write = { $path }: não é possível gravar o vídeo: { $reason }
bundle-write = não é possível gravar: { $reason }
bundle-newer = feito por um sitmap mais novo: formato { $found }, este sitmap lê até o { $reads }; atualize o sitmap para abri-lo
bundle-damaged = o pacote está danificado: { $what }; nada foi aberto
bundle-refused = recusado: { $why }; nada foi aberto
bundle-source = não é possível empacotar: { $why }
bundle-too-large = maior que { $mib } MiB, o máximo que um pacote descompacta
bundle-not-zip = não é um arquivo zip completo ({ $reason })
bundle-too-many-members = { $count } membros, mais do que os { $max } que um pacote pode ter
bundle-member-no-name = o membro { $n } não tem um nome legível
bundle-member-name = o nome de membro { $name } não é dos que um pacote tem (manifest.json, story.json, layers/NOME)
bundle-manifest-not-json = manifest.json não é JSON ({ $reason })
bundle-manifest-no-format = manifest.json não tem número de formato
bundle-manifest-not-sitmap = manifest.json não é um manifesto do sitmap ({ $reason })
bundle-manifest-names-bad = manifest.json cita { $name }, que não é membro de um pacote
bundle-manifest-unlisted = manifest.json cita { $name } mas não dá o tamanho nem a soma de verificação
bundle-manifest-lists-bad = manifest.json lista { $name }, que não é membro de um pacote
bundle-unpacks-too-much = descompacta em mais de { $mib } MiB, o máximo permitido para um pacote
bundle-member-missing = falta { $name }
bundle-member-unreadable = não é possível ler { $name } ({ $reason })
bundle-member-too-large = { $name } tem mais de { $mib } MiB
bundle-listed-missing = { $name } consta do manifesto mas falta
bundle-member-damaged = { $name } está corrompido ({ $reason })
bundle-member-unpack = não é possível descompactar { $name } ({ $reason })
bundle-member-unpacks-too-much = { $name } descompacta em mais de { $mib } MiB
bundle-member-longer = { $name } descompacta em mais do que os { $size } bytes que o manifesto diz; parou ali
bundle-member-mismatch = { $name } não confere com o manifesto ({ $copied } bytes, CRC-32 { $crc }; o manifesto diz { $size } bytes, { $manifest_crc })
bundle-source-too-large = maior que { $mib } MiB, o máximo que um pacote guarda num arquivo
bundle-layers-too-large = as camadas somam mais de { $mib } MiB, o máximo que um pacote guarda
export-io = não é possível gravar { $path }: { $reason }
export-csv = não é possível gravar o CSV: { $reason }
export-fgb = não é possível gravar o FlatGeobuf: { $reason }
bundle-not-extension = { $path } não termina em .{ $extension }; um pacote é aberto pela extensão
bundle-no-layers = não há arquivos de camada ao lado de { $path }; informe-os depois das opções
bundle-layer-fails = não carrega
bundle-wrote = { $path } gravado: a história e { $count ->
    [one] { $count } camada
   *[other] { $count } camadas
} ({ $names })
convert-unknown-format = não é possível saber o formato de { $path } pela extensão; use uma de { $extensions }
convert-nothing-written = nada foi gravado
convert-streamed-only-geojson = { $path } tem { $count } feições, demais para manter de uma vez; só é convertido para GeoJSON (.geojson), em fluxo
convert-wrote = { $path } gravado: { $written } de { $total } feições como { $format }
convert-shown-at = { " " }(as mostradas em { $day })
