# Los problemas que los lectores encuentran en un archivo de capa, y el
# lector de historias en un archivo de historia. Lo que va entre comillas
# invertidas es lo que dice el archivo (una propiedad, un valor) y no se
# traduce.

## Dónde, en un archivo

place-feature = entidad { $n }
place-row = fila { $n }
place-placemark = marca de posición { $n }
place-record = registro { $n }
place-file = el archivo
group-summary = { $path }: { $count } entidades { $what }; p. ej., { $places } ({ $first })

## Problemas de un tipo, después de "N entidades"

kind-file = tienen un problema con el archivo
kind-not-feature = no son Features de GeoJSON y se omitieron
kind-geometry = tienen una geometría que no se puede leer y se omitieron
kind-duplicate-id = repiten el id de una entidad anterior (se conservan ambas)
kind-unread = tienen un `{ $key }` que sitmap no puede leer (se conserva y se muestra tal como está escrito)
kind-date = tienen una fecha que no se puede leer (se conserva y se muestra tal como está escrita)
kind-source = tienen una fuente que no es un enlace web (se muestra tal como está escrita)
kind-no-start = no tienen `start`: se muestran en todas las fechas
kind-no-sources = no tienen fuentes
kind-no-uncertainty = son aproximadas y no tienen `uncertainty_km`
kind-time-field = tienen en el campo de tiempo un valor que no es una fecha

## Un archivo entero

load-read = no se puede leer el archivo: { $reason }
load-empty = el archivo está vacío; una capa es una FeatureCollection de GeoJSON (o una Feature por línea)
load-too-large = el archivo pesa más de { $mib } MiB, lo máximo que sitmap carga como una capa; divídelo en varias capas
load-not-utf8 = no es texto UTF-8 en la línea { $line }, columna { $column }; guarda el archivo como UTF-8
load-not-json = no es JSON válido en la línea { $line }, columna { $column }: { $reason }
load-not-geojson = no es GeoJSON en la línea { $line }, columna { $column }: { $reason }
load-projected-crs = el `crs` del archivo dice que sus coordenadas están en el sistema de coordenadas { $crs }, pero GeoJSON (RFC 7946) y sitmap usan longitud/latitud WGS 84; conviértelo, p. ej., `ogr2ogr -t_srs EPSG:4326 salida.geojson entrada.geojson`
load-projected-crs-mercator = el `crs` del archivo dice que sus coordenadas están en metros de Web Mercator (EPSG:3857), pero GeoJSON (RFC 7946) y sitmap usan longitud/latitud WGS 84; conviértelo, p. ej., `ogr2ogr -t_srs EPSG:4326 salida.geojson entrada.geojson`
load-osm-json = esto es OSM JSON (`elements` de OpenStreetMap o de la API Overpass), no GeoJSON; conviértelo con osmtogeojson o exporta GeoJSON desde overpass-turbo
load-no-type = el objeto de primer nivel no tiene `type`; se esperaba una FeatureCollection, una Feature o una geometría
load-top-not-object = el primer nivel no es un objeto JSON; se esperaba una FeatureCollection, una Feature o una geometría
load-no-features = la FeatureCollection no tiene un arreglo `features`
load-features-not-array = `features` no es un arreglo
load-unknown-type = `type` es { $value }; se esperaba FeatureCollection, Feature o un tipo de geometría
load-sitmap-not-object = `sitmap` no es un objeto como { "{" }"name": .., "color": ..{ "}" }; se ignora
load-sitmap-not-text = sitmap.{ $key } es { $value }, no texto; se ignora
load-sitmap-colour = sitmap.color `{ $value }` no es un color #rrggbb; se ignora

## Una entidad

check-not-feature-object = no es un objeto Feature sino `{ $value }`
check-not-valid-feature = no es una Feature válida: { $reason } (línea { $line }, columna { $column })
check-bad-properties = propiedades erróneas: { $reason } (línea { $line }, columna { $column })
check-bad-geometry = geometría errónea: { $reason } (línea { $line }, columna { $column })
check-bad-geometry-text = geometría errónea: { $reason }
check-type-not-feature = `type` es { $value }, se esperaba "Feature"
check-no-type = no tiene `"type": "Feature"`
check-duplicate-id = id repetido: la entidad { $first } ya usa `{ $id }`
check-id-not-text = `id` es { $value }, no un texto ni un número; se muestra tal como está escrito
check-date-not-text = `{ $key }` es { $value }, no una fecha (AAAA-MM-DD) ni una fecha y hora RFC 3339; se muestra tal como está escrito
check-date-shown-always = { $reason }; la entidad se muestra en todas las fechas
check-date-end-ignored = { $reason }; se ignora `end`
check-sources-not-array = `sources` no es un arreglo de objetos { "{" }"title", "url", "published"{ "}" }; se muestra tal como está escrito
check-source-not-object = sources[{ $i }] no es un objeto con `title` o `url`
check-source-url-not-text = sources[{ $i }].url es { $value }, no texto
check-source-url-not-web = sources[{ $i }].url { $value } no es una dirección http ni https; no es un enlace
check-source-empty = sources[{ $i }] no tiene ni `title` ni `url`
check-not-text = `{ $key }` no es texto; se muestra tal como está escrito
check-date-precision = date_precision { $value } no es "day", "month" ni "approximate"; se toma como día
check-uncertainty-km = uncertainty_km { $value } no es una distancia en km; se ignora
check-location-precision = location_precision { $value } no es "exact" ni "approximate"; se toma como exacta
check-no-uncertainty = location_precision es approximate pero falta `uncertainty_km`; agrega el radio en km
check-not-colour = { $key } { $value } no es un color #rrggbb; se ignora
check-not-in-range = { $key } { $value } no es un número de 0 a { $max }; se ignora
check-radius-unit = radius_unit { $value } no es km ni nm; los anillos se rotulan en km
check-radius-km = radius_km { $value } no es un número de 0 a { $max } ni una lista de { $rings } de ellos como máximo; se ignora
check-time-field = el campo de tiempo `{ $key }` es { $value }, no una fecha; la entidad se muestra en todas las fechas
check-no-start = sin `start`: la entidad no tiene fecha y se muestra en todas las fechas
check-no-sources = sin fuentes: agrega en `sources` una entrada con la `url` de un informe

## Una geometría

geometry-missing = falta la geometría (null); toda entidad necesita una
geometry-empty = el { $what } no tiene posiciones
geometry-position-too-short = una posición tiene { $count } número(s); necesita [longitud, latitud]
geometry-out-of-range = la coordenada { $coordinate } está fuera de rango (longitud -180..180, latitud -90..90; en GeoJSON va primero la longitud)
geometry-not-finite = la coordenada { $coordinate } no es un número finito
geometry-line-too-short = un LineString necesita al menos 2 posiciones, este tiene { $count }
geometry-ring-too-short = un anillo de Polygon necesita al menos 4 posiciones, el anillo { $ring } tiene { $count }
geometry-ring-around-pole = el anillo { $ring } del Polygon rodea un polo cruzando el antimeridiano y no se puede dibujar; divídelo en partes en ±180°

## Una fecha

time-no-offset = { $field } `{ $text }` no tiene desfase UTC; agrega `Z` (UTC) o `+hh:mm` a la fecha y hora
time-unparsable = { $field } `{ $text }` no es una fecha (AAAA-MM-DD) ni una fecha y hora RFC 3339: { $reason }
time-end-before-start = el fin `{ $end }` es anterior al inicio `{ $start }`
time-end-without-start = tiene `end` ({ $end }) pero no `start`; agrega la fecha de inicio
time-ongoing-start = start no puede ser `ongoing`; solo `end` puede serlo

## Otros formatos

csv-header = la fila de encabezado no se puede leer como CSV: { $reason }
csv-not-readable = no se puede leer como CSV en la línea { $line }: { $reason }
csv-too-much-text = hay demasiado texto en las celdas para leerlo como una capa
csv-not-utf8 = las celdas no son texto UTF-8: { $reason }
csv-failed = falló la conversión del CSV
csv-geometry-empty = la celda de geometría está vacía
csv-no-lat-lon-columns = no hay columnas de latitud y longitud; elígelas con Columnas… bajo la capa
csv-no-latitude = sin latitud
csv-no-longitude = sin longitud
csv-latitude-not-number = la latitud { $value } no es un número
csv-longitude-not-number = la longitud { $value } no es un número
csv-off-globe = la latitud { $lat } y la longitud { $lon } no están en el globo (±90°, ±180°); ¿son coordenadas proyectadas?
csv-geometry-json = la geometría no es JSON válido: { $reason }
csv-wkt-too-deep = la geometría WKT tiene demasiados niveles anidados
csv-not-wkt = la geometría { $head } no es WKT: { $reason }
csv-wkt-empty = la geometría es un { $kind } vacío
csv-not-read-as-date = { $column } { $value } no se lee como fecha ({ $why }); la fila se conserva sin ella
csv-date-ambiguous = no se distingue el día del mes
csv-no-such-date = esa fecha no existe
csv-no-such-time = esa hora no existe
csv-not-a-date = no es una fecha
csv-windows-1252 = el archivo no es UTF-8; se lee como Windows-1252 (Latin-1), como lo guarda Excel. Si las letras acentuadas se ven mal, guarda el archivo como UTF-8
csv-unsure-latitude = { $count } columnas podrían ser la latitud
csv-unsure-no-position = no se reconocieron columnas de latitud y longitud (ni WKT)
csv-unsure-date = { $columns } podrían ser la fecha; se tomó { $taken }
csv-and = { $list } y { $last }
# The column dialog's preview of a row
csv-preview-not-geometry = no es una geometría
csv-preview-off-globe = fuera del globo
csv-preview-no-position = sin posición
csv-preview-undated = sin fecha
csv-unsure-day-month = fechas como { $example } podrían ser día/mes o mes/día; se leen como día/mes
csv-unsure-mixed-orders = la columna de fechas mezcla los órdenes día/mes y mes/día
kmz-not-zip = no es un archivo KMZ (zip) legible: { $reason }
kmz-no-kml = el archivo KMZ no contiene ningún archivo .kml ({ $count ->
    [one] { $count } archivo de otro tipo
   *[other] { $count } archivos de otro tipo
})
kmz-unpack = no se puede extraer `{ $name }` del KMZ: { $reason }
xml-not-utf8 = el archivo no es UTF-8; los caracteres ilegibles se muestran como �
xml-invalid = XML no válido en la línea { $line }, columna { $column }: { $reason }
xml-end-without-start = una etiqueta de cierre sin su apertura
xml-ends-inside = el archivo termina dentro de <{ $name }> (¿está cortado?)
xml-ends-inside-element = el archivo termina dentro de un elemento (¿está cortado?)
xml-no-element = ningún elemento
kml-ends-early = el archivo termina antes de su última etiqueta de cierre (¿está cortado?)
kml-coordinates = las coordenadas de { $what } { $reason }
kml-one-number = tienen una posición con un solo número ({ $number })
kml-hold = contienen { $reason }
kml-not-number = `{ $token }`, que no es un número ({ $what })
kml-coord-short = el gx:coord `{ $text }` necesita una longitud y una latitud
kml-no-address = (sin dirección)
kml-network-link = el NetworkLink{ $name } a { $href } no se descarga; abre ese archivo directamente
kml-overlays = { $count ->
    [one] { $count } superposición de imagen
   *[other] { $count } superposiciones de imagen
} (GroundOverlay, ScreenOverlay, PhotoOverlay) sin mostrar; sitmap lee marcas de posición
kml-zoneless = { $count ->
    [one] { $count } hora de marca de posición tiene fecha y hora
   *[other] { $count } horas de marcas de posición tienen fecha y hora
} sin zona horaria; se toma como UTC
kml-no-placemark = no hay ningún Placemark en el archivo; no hay nada que mostrar
gpx-ends-early = el archivo termina antes de </gpx> (¿está cortado?)
gpx-waypoint = punto de referencia{ $name }: { $reason }
gpx-route = ruta{ $name }: { $reason }
gpx-track = track{ $name }: { $reason }
gpx-point = punto { $n }: { $reason }
gpx-no-attribute = falta el atributo `{ $name }`
gpx-not-number = `{ $name }` `{ $text }` no es un número
kml-stopped = { $reason }; se cargaron las { $count } marcas de posición anteriores
gpx-stopped = { $reason }; se cargaron los { $count } puntos de referencia, rutas y tracks anteriores
gpx-zoneless = { $count ->
    [one] { $count } hora sin zona horaria, leída como UTC
   *[other] { $count } horas sin zona horaria, leídas como UTC
}
fgb-stopped = el lector de FlatGeobuf se detuvo inesperadamente
fgb-crs-wkt-only = el sistema de referencia de coordenadas del archivo no tiene código (solo WKT); sitmap toma las coordenadas como longitud y latitud (WGS 84)
fgb-crs-no-code = el sistema de referencia de coordenadas del archivo no tiene código ({ $name }); sitmap toma las coordenadas como longitud y latitud (WGS 84)
fgb-projected = las coordenadas del archivo están en { $crs }, no en longitud y latitud (EPSG:4326); sitmap no reproyecta: conviértelo antes, p. ej., `ogr2ogr -t_srs EPSG:4326 salida.fgb entrada.fgb`
fgb-too-many-declared = el encabezado declara { $declared } entidades, más de las que un archivo de { $bytes } bytes puede indexar: truncado o dañado
fgb-no-index = el archivo no tiene índice espacial, así que no se puede leer solo un recuadro; abre el archivo completo
fgb-index-truncated = el archivo termina dentro de su índice ({ $bytes } bytes para { $declared } entidades): truncado
fgb-view-no-index = el archivo no tiene índice espacial (o no indica cuántas entidades tiene), así que no se puede leer por vistas
fgb-part-header = encabezado
fgb-part-index = índice
fgb-part-feature = entidad
fgb-not-fgb = no es un archivo FlatGeobuf (no empieza por `fgb`)
fgb-ends-inside = el archivo termina dentro de su { $part }: truncado
fgb-cannot-read = no se puede leer el { $part }: { $reason } (FlatGeobuf dañado)
fgb-feature = entidad { $n }: { $reason }
fgb-feature-corrupt = no se puede leer la entidad: { $reason } (FlatGeobuf dañado)
fgb-ends-after = el archivo termina tras { $number } de sus { $expected } entidades: truncado
fgb-at-byte = en el byte { $at }: { $reason }
fgb-ends-at-byte = en el byte { $at }: el archivo termina en el byte { $len }: truncado
fgb-record-past-end = en el byte { $at }: un registro de { $size } bytes acabaría más allá del final del archivo ({ $len } bytes): truncado o dañado
fgb-index-declares = el encabezado declara { $count } entidades en un índice de { $node_size } por nodo, más de las que cabe en un archivo de { $bytes } bytes: truncado o dañado
fgb-index-cut = el archivo termina dentro de su índice espacial ({ $index } bytes para { $count } entidades, quedan { $left } tras el encabezado): truncado
fgb-index-below-leaves = el índice espacial apunta por debajo de sus hojas: dañado
fgb-index-outside-level = el índice espacial apunta al nodo { $node }, fuera de su nivel: dañado
fgb-index-unreadable = no se puede leer el índice espacial: { $reason }
fgb-nested-too-deep = la geometría tiene demasiados niveles anidados
fgb-geometry-type = el tipo de geometría { $kind } no se admite (sitmap lee puntos, líneas, polígonos, sus formas múltiples y colecciones)
fgb-point-empty = un punto sin coordenadas
fgb-odd-coordinates = un número impar de coordenadas ({ $count })
fgb-part-outside = una parte termina en la posición { $end }, fuera de las { $count } posiciones de la geometría
fgb-properties-end = las propiedades terminan dentro de { $what }
fgb-a-column-number = un número de columna
fgb-column-outside = una propiedad de la columna { $index }, pero el archivo tiene { $count } columnas
fgb-text-not-utf8 = el texto de `{ $name }` no es UTF-8
fgb-column-type = la columna `{ $name }` tiene un tipo desconocido ({ $kind })
check-server-capped = se detuvo tras { $pages } páginas ({ $count } entidades): hay más en el servidor (el límite es { $max_pages } páginas o { $max_features } entidades)

## El respaldo de la ventana

load-failed = { $path }: no se pudo cargar

## Un archivo de historia

story-scene = escena { $number }{ $title }
story-too-large = el archivo pesa más de 16 MiB; ¿de verdad es un archivo de historia?
story-not-object = un archivo de historia es un objeto JSON, { "{" }"title": .., "scenes": [..]{ "}" }
story-no-title = falta "title"; la historia necesita uno
story-translations = "translations": { $reason }
story-no-scenes = falta "scenes"; un archivo de historia es { "{" }"title": .., "scenes": [..]{ "}" }
story-scene-not-object = una escena debe ser un objeto JSON
story-scene-no-title = falta "title"; toda escena necesita uno
story-field = el campo { $key }: { $reason }
story-invalid-type = tipo no válido: { $found }; se esperaba { $expected }
story-invalid-value = valor no válido: { $found }; se esperaba { $expected }
story-unknown-field = campo desconocido { $found }; se esperaba { $expected }
story-unknown-variant = variante desconocida { $found }; se esperaba { $expected }
story-window-days = "window": "days" debe ser 1 o más
story-date-and-window = tiene "date" y "window" a la vez; indica solo uno
story-no-date = no tiene "date" ni "window"; indica "date": "AAAA-MM-DD" o "window": { "{" }"end": "AAAA-MM-DD", "days": N{ "}" }
story-annotation-left-out = anotación { $number }: { $reason }; se omite
annotation-not-object = una anotación es un objeto JSON, p. ej., { "{" }"kind": "arrow", ..{ "}" }
annotation-no-kind = falta "kind"; indica "arrow", "text" o "stroke"
annotation-bad-kind = "kind" { $kind } no es una anotación; usa "arrow", "text" o "stroke"
annotation-unknown-key = { $kind }: clave desconocida { $key }
annotation-no-place = { $kind }: falta "{ $key }"; indica [lon, lat]
annotation-place = { $kind }: "{ $key }" { $problem }
annotation-not-lon-lat = { $value } no es [lon, lat]
annotation-outside = { $value } está fuera del mundo (longitud -180..180, latitud -90..90)
annotation-no-text = text: falta el texto "text"
annotation-text-empty = text: "text" está vacío
annotation-text-long = text: "text" tiene más de { $max } caracteres
annotation-no-points = stroke: falta la lista "points" de [lon, lat]
annotation-few-points = stroke: "points" necesita al menos dos lugares
annotation-many-points = stroke: más de { $max } "points"
annotation-point = stroke: el punto { $n } { $problem }
annotation-color = { $kind }: "color" { $value } no es un color; escribe "#rrggbb"
annotation-width = { $kind }: "width" { $value } no es un grosor de { $min } a { $max }
story-compare-from-late = el "from" de compare, { $from }, debe ser anterior a la fecha de la escena, { $date } (la fecha A es la más temprana)
story-compare-view = el "view" de compare, { $name }, no es una vista; usa "split" o "changes"
story-not-language = { $code } no es una etiqueta de idioma; escribe una como "en", "es" o "pt-BR"
story-not-a-date = { $what } { $text } no es una fecha; escribe AAAA-MM-DD, p. ej., 2025-09-02
story-no-camera = falta "camera"; indica "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } o { "{" }"bbox": [oeste, sur, este, norte]{ "}" }
story-camera-both = camera tiene "center" y "bbox" a la vez; indica "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } o { "{" }"bbox": [oeste, sur, este, norte]{ "}" }
story-camera-empty = camera está vacía; indica "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } o { "{" }"bbox": [oeste, sur, este, norte]{ "}" }
story-camera-zoom = el zoom { $zoom } de camera está fuera de rango; usa de { $min } a { $max }
story-camera-no-zoom = el "center" de camera necesita un "zoom"
story-camera-zoom-with-bbox = el "zoom" de camera va con "center"; un "bbox" se ajusta a la ventana
story-camera-out-of-range = { $what } de camera tiene longitud { $lon }, latitud { $lat }: fuera de rango (primero la longitud, -180..180, luego la latitud, -90..90)
story-bbox-not-number = el bbox { $bbox } de camera tiene un valor que no es un número; escribe [oeste, sur, este, norte] en grados
story-bbox-inverted = el bbox { $bbox } de camera está invertido o vacío; escribe [oeste, sur, este, norte] con oeste < este y sur < norte
story-bbox-outside = el bbox { $bbox } de camera queda fuera del mundo
story-bbox-cut = el bbox { $bbox } de camera se sale de los bordes del mundo (longitud -180..180, latitud -90..90); se muestra como { $cut }
story-caption-link = el enlace del texto a { $url } no es una dirección http ni https; se muestra como texto
story-no-layer = ninguna capa abierta se llama { $name }
story-id-not-found = el id resaltado { $id } no está en ninguna de las capas abiertas
story-id-hidden = el id resaltado { $id } está en la capa { $layer }, que esta escena oculta
story-id-not-shown = el id resaltado { $id } no está en el mapa en la fecha de la escena

## El informe de sitmap check

check-features = { $count ->
    [one] { $count } entidad
   *[other] { $count } entidades
}
check-unlocated = , { $count } sin geometría
check-time-one = fecha { $date }
check-time-range = fechas { $start } a { $end }
check-no-dated = ninguna entidad con fecha
check-time-from = { " " }(de `{ $field }`)
check-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errores
}
check-warnings = { $count ->
    [one] { $count } advertencia
   *[other] { $count } advertencias
}
check-line = { $path }: { $features }; { $time }; { $errors }, { $warnings }
check-columns = { $path }: columnas { $columns }
check-unsure = { $path }: dudoso: { $doubt }
check-active = { $path }: visibles el { $filter }: { $active }
check-window = { $day } (ventana de { $days ->
    [one] { $days } día
   *[other] { $days } días
})
check-error = error: { $problem }
check-warning = advertencia: { $problem }
check-total = { $files ->
    [one] se revisó { $files } archivo
   *[other] se revisaron { $files } archivos
}: { $failed } con errores
check-story-fails = su historia no se carga: { $reason }

## sitmap render, sitmap bundle, sitmap convert

render-no-file = { $path }: no existe ese archivo de capa
render-changes-needs-compare = --changes muestra lo que cambió entre dos fechas: indícalas con --compare A,B
render-scene-needs-out = --scene necesita --out ARCHIVO.png
render-no-such-scene = { $path }: no hay escena { $number }; la historia tiene { $count ->
    [one] { $count } escena
   *[other] { $count } escenas
}
render-story-needs-out-dir = --story dibuja cada escena en --out-dir CARPETA, o una con --scene N --out ARCHIVO.png
render-no-scenes = la historia no tiene escenas
render-range-needs-out-dir = --from/--to escriben cuadros numerados en --out-dir CARPETA
render-needs-out = indica dónde escribir la imagen: --out ARCHIVO.png
render-out-dir-misused = --out-dir es para las escenas de una historia o un rango --from/--to; usa --out ARCHIVO.png
render-not-png = { $path }: la salida debe ser un archivo .png
render-to-before-from = --to { $to } es anterior a --from { $from }
render-too-many-frames = de { $from } a { $to } cada { $step } días son { $count } cuadros; se escriben como máximo { $max }
render-layer-failed = no se pudo cargar la capa: { $reason }
render-timeout = el mapa aún no estaba completo después de { $secs } s ({ $waiting }); prueba con un --timeout más largo
render-waiting-tiles = aún se estaban dibujando los mosaicos del mapa base
render-waiting-layers = aún se estaban cargando archivos de capas
render-waiting-changes = algo en el mapa seguía cambiando
render-waiting-view = la vista inicial nunca se asentó
render-cancelled = cancelado; se eliminó el video sin terminar
render-out-dir = no se puede crear la carpeta: { $reason }
video-missing = falta --video ARCHIVO.mp4 o ARCHIVO.gif
video-format = { $path }: un video se escribe como .mp4 (H.264) o .gif
video-needs-what = --video necesita qué mostrar: --story ARCHIVO (sus escenas) o --from D --to D
video-too-long = ese video tiene { $count } cuadros; se escriben como máximo { $max } (una hora a 30 fps)
video-odd-size = --size { $size }: un MP4 (H.264) necesita ancho y alto pares
video-cannot-write = { $path }: no se puede escribir el video: { $reason }
bundle-write = no se puede escribir: { $reason }
bundle-newer = hecho con un sitmap más nuevo: formato { $found }, este sitmap lee hasta el { $reads }; actualiza sitmap para abrirlo
bundle-damaged = el paquete está dañado: { $what }; no se abrió nada
bundle-refused = rechazado: { $why }; no se abrió nada
bundle-source = no se puede empaquetar: { $why }
bundle-too-large = mayor de { $mib } MiB, lo máximo que descomprime un paquete
bundle-not-zip = no es un archivo zip completo ({ $reason })
bundle-too-many-members = { $count } miembros, más de los { $max } que puede tener un paquete
bundle-member-no-name = el miembro { $n } no tiene un nombre legible
bundle-member-name = el nombre de miembro { $name } no es de los que tiene un paquete (manifest.json, story.json, layers/NOMBRE)
bundle-manifest-not-json = manifest.json no es JSON ({ $reason })
bundle-manifest-no-format = manifest.json no tiene número de formato
bundle-manifest-not-sitmap = manifest.json no es un manifiesto de sitmap ({ $reason })
bundle-manifest-names-bad = manifest.json nombra { $name }, que no es un miembro de un paquete
bundle-manifest-unlisted = manifest.json nombra { $name } pero no da su tamaño ni su suma de control
bundle-manifest-lists-bad = manifest.json enumera { $name }, que no es un miembro de un paquete
bundle-unpacks-too-much = se descomprime en más de { $mib } MiB, lo máximo permitido para un paquete
bundle-member-missing = falta { $name }
bundle-member-unreadable = no se puede leer { $name } ({ $reason })
bundle-member-too-large = { $name } ocupa más de { $mib } MiB
bundle-listed-missing = { $name } figura en el manifiesto pero falta
bundle-member-damaged = { $name } está dañado ({ $reason })
bundle-member-unpack = no se puede descomprimir { $name } ({ $reason })
bundle-member-unpacks-too-much = { $name } se descomprime en más de { $mib } MiB
bundle-member-longer = { $name } se descomprime en más de los { $size } bytes que dice el manifiesto; se detuvo ahí
bundle-member-mismatch = { $name } no coincide con el manifiesto ({ $copied } bytes, CRC-32 { $crc }; el manifiesto dice { $size } bytes, { $manifest_crc })
bundle-source-too-large = mayor de { $mib } MiB, lo máximo que un paquete guarda en un archivo
bundle-layers-too-large = las capas suman más de { $mib } MiB, lo máximo que guarda un paquete
export-io = no se puede escribir { $path }: { $reason }
export-csv = no se puede escribir el CSV: { $reason }
export-fgb = no se puede escribir el FlatGeobuf: { $reason }
bundle-not-extension = { $path } no termina en .{ $extension }; un paquete se abre según su extensión
bundle-no-layers = no hay archivos de capa junto a { $path }; indícalos después de las opciones
bundle-layer-fails = no se carga
bundle-wrote = se escribió { $path }: la historia y { $count ->
    [one] { $count } capa
   *[other] { $count } capas
} ({ $names })
convert-unknown-format = no se puede saber el formato de { $path } por su extensión; usa una de { $extensions }
convert-nothing-written = no se escribió nada
convert-streamed-only-geojson = { $path } tiene { $count } entidades, demasiadas para tenerlas a la vez; solo se convierte a GeoJSON (.geojson), por flujo
convert-wrote = se escribió { $path }: { $written } de { $total } entidades como { $format }
convert-shown-at = { " " }(las que se muestran el { $day })
