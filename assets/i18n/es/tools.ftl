# El diálogo de servidores y las capas de servidor, los archivos FlatGeobuf
# leídos por vista, la ventana y los rótulos de Comparar fechas, y el
# globo de texto de las anotaciones.

## Abrir desde un servidor, y la línea de una capa de servidor en el panel de capas

server-title = Abrir desde un servidor
server-about = La página de inicio de un servidor OGC API – Features (pygeoapi, GeoServer, ldproxy, tipg, …)
server-address = Dirección del servidor
server-list = Listar colecciones
server-asking = Consultando al servidor… { $secs } s
server-collections = { $count ->
    [one] { $count } colección de entidades
   *[other] { $count } colecciones de entidades
} en { $endpoint }
server-extent = { $west }°, { $south }° a { $east }°, { $north }°
server-open = Abrir como capa
server-open-tip = Las entidades de la vista del mapa y de la ventana de la línea de tiempo se descargan a medida que te mueves
server-in-view = { $count } en la vista
server-more = ; hay más en el servidor
server-matched-tip = El servidor tiene { $count } entidades en esta vista y este tiempo
server-sent-tip = Entidades que el servidor envió para esta vista y este tiempo
server-capped-tip = ; sitmap se detiene en { $pages } páginas o { $features } entidades por vista: acerca el mapa o acorta la ventana de la línea de tiempo para ver el resto
server-cached-tip = { " " }(de la caché de esta sesión)
server-failed = Falló la consulta al servidor
server-retry = Reintentar
server-retry-tip = Volver a consultar al servidor por esta vista
server-opened = Se abrió { $title } desde el servidor
server-gone = { $endpoint } ya no ofrece la colección `{ $id }`; no se volvió a abrir.
server-not-reopened = Una capa de servidor abierta la última vez no se volvió a abrir: { $reason }
layers-loading-server = Cargando { $file } ({ $secs } s)

## Un archivo FlatGeobuf leído por vistas

layers-by-view-on-screen = { $count } en pantalla
layers-by-view-on-screen-tip = Entidades dibujadas en la vista actual
layers-by-view-tip = Un archivo FlatGeobuf grande se lee una vista a la vez mediante su índice espacial (la vista y un margen alrededor); por encima de un límite, una muestra pareja de sus entidades: acerca el mapa para verlas todas
view-reading = { $count } entidades; leyendo la vista…
view-sampled = se muestran { $held } de { $in_view } en la vista: acerca el mapa
view-in-view = { $in_view } en la vista de { $in_file }
view-still-reading = { " " }(leyendo…)
view-cannot-read = No se puede leer { $path } por vistas: { $reason }

## Comparar fechas

compare-title = Comparar fechas
compare-needs-dates = Para comparar se necesitan capas con fechas.
compare-date-b = La fecha B es el día de la línea de tiempo: { $date } (muévela en la línea de tiempo).
compare-date-a = Fecha A:
compare-date-hint = AAAA-MM-DD
compare-not-a-date = no es una fecha; escribe AAAA-MM-DD, p. ej., 2025-09-02
compare-set-a = Fijar A
compare-start = Comparar
compare-split = Lado a lado
compare-changes = Qué cambió
compare-keys = [ y ] mueven la fecha A un día; C sale.
compare-stop = Dejar de comparar
compare-appeared = { $count ->
    [one] { $count } apareció
   *[other] { $count } aparecieron
}
compare-ended = { $count ->
    [one] { $count } terminó
   *[other] { $count } terminaron
}
compare-moved = { $count ->
    [one] { $count } se movió
   *[other] { $count } se movieron
}

## Anotaciones

annotate-callout-title = Globo de texto
annotate-callout = Texto:
annotate-callout-hint = Texto sobre el mapa
annotate-add = Agregar
annotate-needs-scene = Las anotaciones pertenecen a una escena: abre una historia y ve primero a una escena.

## Anillos de alcance: los radios escritos

rings-radii-hint = 500; 1000; 2,5
rings-radii-help = Números separados por punto y coma o espacios, con coma decimal (2,5); también se toma una unidad después de ellos
rings-list = { $first } y { $last }
rings-list-separator = ;{ " " }
rings-empty = Escribe uno o más radios, p. ej., { $example }
rings-not-a-number = `{ $text }` no es un número
rings-decimal-point = `{ $text }`: escribe los decimales con coma (2,5) y separa los radios con punto y coma o espacios
rings-not-positive = `{ $text }` no es un radio: los radios son mayores que 0
rings-too-wide = `{ $text }` es más ancho que media Tierra ({ $max } km)
rings-too-many = Como máximo { $max } anillos a la vez
rings-unknown-unit = `{ $text }` no es una unidad: escribe km o nm
