# La interfaz de sitmap en español neutro (latinoamericano). Mismas claves y
# variables que en/sitmap.ftl; los números se escriben como en español
# (coma decimal, punto de miles desde cinco cifras).

## Fechas

date-long = { $day } de { $month } de { $year }
date-month-year = { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic

## Unidades

distance-km = { $km } km
distance-km-nm = { $km } km · { $nm } mn

## Menús

menu-file = Archivo
menu-file-open = Abrir…
menu-file-new-layer = Nueva capa…
menu-file-export-view = Exportar vista como PNG…
menu-file-export-layer = Exportar capa…
menu-file-quit = Salir
menu-view = Ver
menu-view-zoom-in = Acercar
menu-view-zoom-out = Alejar
menu-view-classroom = Modo aula
menu-view-classroom-tip = Sin adelantos: no se muestra nada posterior a la fecha actual; AvPág recorre los sucesos del día de a una tarjeta
menu-view-reduce-motion = Reducir movimiento
menu-view-reduce-motion-tip = Los cambios de escena son instantáneos; los sucesos nuevos no laten
menu-view-group-tip = Donde cinco o más símbolos de una capa se taparían entre sí, dibuja un disco con su número; al acercar se separan
menu-view-overlaps = Símbolos superpuestos:
menu-view-clusters = Grupos con su número
menu-view-density = Superficie de densidad
menu-view-density-tip = Donde cinco o más símbolos de una capa se taparían entre sí, sombrea el mapa con el color de la capa, más oscuro cuantos más sucesos; al acercar se separan
menu-view-every-symbol = Cada símbolo
menu-view-every-symbol-tip = Dibuja cada símbolo de punto, se superpongan o no
menu-view-chart = Gráfico bajo la línea de tiempo
menu-view-chart-tip = Elementos por día, semana o mes de cada capa visible, y el total acumulado de una cifra como los muertos, bajo la línea de tiempo
menu-view-language = Idioma
menu-view-language-system = Según el sistema ({ $language })
menu-story = Relato
menu-story-present = Presentar
menu-story-scenes = Panel de escenas
menu-story-open = Abrir relato…
menu-story-new = Nuevo relato…
menu-story-save = Guardar relato
menu-story-save-as = Guardar relato como…
menu-story-save-bundle = Guardar como paquete…
menu-basemap = Mapa base
menu-theme = Tema
menu-help = Ayuda
menu-help-shortcuts = Atajos de teclado
menu-help-about = Acerca de sitmap y sus datos
menu-tools = Herramientas
menu-tools-measure = Medir distancias
menu-tools-measure-tip = Distancias y rumbos geodésicos: haga clic en lugares del mapa
menu-tools-rings = Anillos de alcance…
menu-tools-rings-tip = Círculos geodésicos con los radios que escriba, alrededor del elemento seleccionado o del centro del mapa (clic derecho en el mapa para cualquier lugar)
menu-tools-find = Buscar un lugar o elemento…

theme-system = Según el sistema
theme-light = Claro
theme-dark = Oscuro
basemap-offline = Sin conexión (Natural Earth)
basemap-osm = OpenStreetMap (en línea)
basemap-topo = OpenTopoMap (en línea)

view-americas = Américas
view-caribbean = Caribe
view-mexico = México
view-venezuela-colombia = Venezuela y Colombia
view-eastern-pacific = Pacífico oriental

## Barra de herramientas

toolbar-home = Inicio
toolbar-home-tip = Mostrar todas las Américas
toolbar-zoom-in-tip = Acercar
toolbar-zoom-out-tip = Alejar
toolbar-view = Vista:
toolbar-view-key = Tecla { $key }
toolbar-present = ▶ Presentar
toolbar-present-tip = Presentar el relato en pantalla completa ({ $key }; Esc para salir)
toolbar-scenes = Escenas
toolbar-scenes-tip = Las escenas del relato: ir, agregar, editar, reordenar

## Línea de tiempo

timeline-first = Primera fecha
timeline-previous-event = Suceso anterior
timeline-day-back = Un día atrás
timeline-pause = ⏸ Pausa
timeline-play = ▶ Reproducir
timeline-play-tip = Reproducir o pausar
timeline-day-on = Un día adelante
timeline-next-event = Suceso siguiente
timeline-last = Última fecha
timeline-speed = Velocidad
timeline-days-per-second = { $days ->
    [one] { $days } día/s
   *[other] { $days } días/s
}
timeline-days-per-second-suffix = { " " }d/s
timeline-speed-tip = Escriba cualquier velocidad en días por segundo
timeline-loop = Repetir
timeline-event-by-event = Suceso por suceso
timeline-event-by-event-tip = La reproducción salta de suceso en suceso y se detiene en cada uno mostrando su tarjeta
timeline-pause-suffix = { " " }s de pausa
timeline-skip-empty = Saltar vacíos
timeline-skip-empty-tip = La reproducción salta los tramos sin sucesos
timeline-go-to = Ir a la fecha
timeline-go = Ir
timeline-go-tip = Ir a la fecha escrita
timeline-as-of = Hasta la fecha
timeline-as-of-tip = Sucesos hasta la fecha (los más antiguos se atenúan); períodos en curso en ella
timeline-window = Ventana
timeline-window-tip = Solo lo que cae en los días hasta la fecha
timeline-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
timeline-days-suffix = { " " }d
timeline-keep-ended = Mantener terminados
timeline-keep-ended-tip = Mostrar también, atenuados, los períodos que ya terminaron
untitled = Sin título
day-not-a-date = `{ $text }` no es una fecha; escríbala como AAAA-MM-DD, p. ej. 2025-09-02
day-no-such-day = `{ $text }` no es un día del calendario: { $reason }
cli-unknown-lang = idioma desconocido `{ $lang }`: sitmap habla { $languages }

## Gráfico bajo la línea de tiempo

chart-features = Gráfico: elementos
chart-running-total = total acumulado de
chart-nothing = nada
chart-total-by = { $property } al { $date }: { $value }
chart-per-day = por día
chart-per-week = por semana
chart-per-month = por mes
chart-week-of = semana del { $date }
timeline-date-hint = AAAA-MM-DD

## Detalles, descripciones emergentes y tarjetas

close = Cerrar
details-no-date = sin fecha (siempre visible)
details-ongoing = en curso
details-month-only = { $when } (solo el mes)
details-approximate = { $place } (ubicación aproximada)
details-date-approximate = { $when } (fecha aproximada)
details-approximate-within = { $place } (ubicación aproximada, con un margen de unos { $km } km)
details-no-location = sin ubicación (no está en el mapa)
details-features = { $count ->
    [one] { $count } elemento
   *[other] { $count } elementos
}
details-and-more = y { $count } más
details-click-to-list = Haga clic para listarlos
details-click-to-zoom = Haga clic para acercar
details-features-at-one-place = { $count } elementos en un mismo lugar
details-untitled-feature = Elemento sin título
details-close-tip = Cerrar los detalles (Esc)
details-when = Cuándo
details-kind = Tipo
details-actor = Actor
details-where = Dónde
details-range-rings = Anillos de alcance
details-sources = Fuentes ({ $count })
details-no-source = Sin fuente.
details-published = publicado el { $date }
details-copy-coordinates = Copiar coordenadas
details-copy-coordinates-tip = Copiar «{ $coordinates }» (latitud, longitud)
cards-event = Suceso
cards-approximate-within = { $place } (ubicación aproximada, ±{ $km } km)
cards-more-on-this-day = y { $count } más este día
cards-event-of = Suceso { $number } de { $total } de este día
cards-event-of-next = Suceso { $number } de { $total } de este día · AvPág para el siguiente

## Sobre el mapa y barra de estado

distance-m = { $m } m
attribution-map-data = Datos del mapa ©
notice-online-failing = Los mosaicos en línea no cargan (sin red o error del servidor): se muestra el mapa base sin conexión.
notice-dismiss = Descartar
status-zoom = zoom { $zoom }
status-loading-basemap = cargando el mapa base…
status-rendering-tiles = dibujando { $count } mosaicos

## La línea de órdenes: ayuda, encabezados y las palabras de clap

cli-heading-usage = Uso
cli-heading-commands = Comandos
cli-heading-options = Opciones
cli-heading-arguments = Argumentos
cli-help = Mostrar la ayuda
cli-version = Mostrar la versión
cli-help-about = Mostrar este mensaje o la ayuda de los subcomandos indicados
cli-sitmap-about = Un mapa de situación de las Américas, día a día
cli-sitmap-files = Capas GeoJSON que abrir en la ventana
cli-sitmap-assets = Leer los datos del mapa base de esta carpeta en lugar de la copia incluida en el programa
cli-sitmap-exit-after-first-full-frame = Mostrar el tiempo desde el inicio hasta el primer mapa completo y salir (para medir)
cli-sitmap-date = Abrir la línea de tiempo en este día (AAAA-MM-DD, UTC)
cli-sitmap-view = Abrir en una vista predefinida en lugar de todas las Américas
cli-sitmap-no-story = Abrir con un mapa vacío en lugar de las capas del relato
cli-sitmap-story = El archivo de relato (escenas) que abrir; sin él, el relato incluido con sus capas, o el de la última sesión
cli-sitmap-present = Empezar a presentar, en la escena N (desde 1) si se indica
cli-sitmap-reduced-motion = Cambios de escena instantáneos y marcadores sin latido
cli-sitmap-no-grouping = Dibujar todos los símbolos puntuales, superpuestos o no: sin agrupaciones (también en el menú Ver)
cli-sitmap-measure-pan-tour = Mostrar todas las Américas, recorrerlas a zoom 5, mostrar los tiempos por cuadro y la memoria residente y salir (para medir)
cli-sitmap-theme = Tema de color: system, light o dark (se cambia en el menú Tema); sin él, el de la última sesión
cli-sitmap-basemap = Mapa base al iniciar: el sin conexión o mosaicos en línea (mostrados encima); sin él, el de la última sesión
cli-sitmap-lang = El idioma de la ventana, de `render` y de los mensajes: en, es o pt-BR (sin él, el elegido en Ver › Idioma, o el del sistema: LC_ALL, LC_MESSAGES, LANG)
cli-sitmap-window-size = Tamaño inicial de la ventana en puntos, ANCHOxALTO
cli-check-about = Revisar archivos de capas sin abrir una ventana: elementos por tipo de geometría, intervalo de fechas y cada error y advertencia. Termina con 1 si algún archivo tiene errores
cli-check-files = Archivos de capas que revisar, o una colección de un servidor OGC API – Features (`https://host/collections/ID`), descargada entera (con `--at` como `datetime` del servidor)
cli-check-json = Imprimir un único objeto JSON en lugar de texto
cli-check-at = Contar también los elementos visibles en este día UTC, tal como el mapa los muestra «hasta» ese día (instantes ya ocurridos, períodos aún en curso)
cli-check-window = Con --at: contar en cambio lo que cae en los DAYS días que terminan ese día (el modo ventana del mapa)
cli-check-verbose = Listar cada problema en lugar de una línea por tipo de problema
cli-check-time-field = La propiedad que fecha los elementos sin `start` (por omisión: se busca por nombre y contenido; `none` para ninguna)
cli-render-about = Dibujar imágenes PNG del mapa sin ventana: una escena de un relato o todas, cualquier vista, o un cuadro por paso en un intervalo de fechas
cli-render-story = Un archivo de relato (escenas): dibujar su escena --scene N en --out, o todas las escenas en --out-dir
cli-render-scene = Con --story: la escena que dibujar, contando desde 1
cli-render-date = El día que mostrar (AAAA-MM-DD, UTC); sin él, el último día de los datos
cli-render-bbox = La zona a la que ajustar la imagen, en grados: oeste,sur,este,norte (p. ej. -85,5,-58,28); sin ella, todas las Américas
cli-render-from = Primer día de una exportación animada: un cuadro por paso de --from a --to en --out-dir
cli-render-to = Último día de una exportación animada (incluido si un paso cae en él)
cli-render-step-days = Días entre dos cuadros de una exportación animada
cli-render-compare = Comparar dos fechas, A,B (AAAA-MM-DD,AAAA-MM-DD, A antes que B): la fecha A a la izquierda del mapa, B a la derecha
cli-render-changes = Con --compare: un solo mapa de lo que apareció, terminó o se movió entre las fechas, en lugar de los dos lado a lado
cli-render-video = Escribir un video (.mp4: H.264; .gif) en lugar de PNG: las escenas del relato una tras otra (--story), o un intervalo de fechas (--from/--to)
cli-render-fps = Cuadros por segundo del video
cli-render-hold = Video de un relato: segundos que se mantiene cada escena una vez que la cámara llega
cli-render-frames-per-day = Video de un intervalo de fechas: cuadros durante los que se muestra cada día
cli-render-out = El archivo PNG que escribir (una imagen)
cli-render-out-dir = La carpeta donde escribir los PNG numerados (cada escena o un intervalo de fechas); se crea si no existe
cli-render-size = Tamaño de la imagen en píxeles, ANCHOxALTO
cli-render-theme = Tema de color; light va bien con proyectores
cli-render-assets = Leer el mapa base de esta carpeta en lugar de la copia incluida
cli-render-timeout = Abandonar una imagen cuyo mapa no esté completo tras estos segundos
cli-render-files = Capas GeoJSON que dibujar; sin ninguna, las capas del relato en `geodata/`
cli-convert-about = Convertir un archivo de capa a GeoJSON, KML o CSV (según la extensión de OUT), opcionalmente solo lo visible en un día
cli-convert-input = El archivo que leer: cualquier capa que sitmap abra
cli-convert-output = El archivo que escribir; su extensión elige el formato: .geojson o .json, .kml, .csv
cli-convert-at = Escribir solo lo que el mapa muestra en este día UTC («hasta» ese día: sucesos ya ocurridos, períodos aún en curso, elementos sin fecha)
cli-convert-window = Con --at: solo lo que cae en los DAYS días que terminan ese día
cli-bundle-about = Crear un paquete `.sitmap` con un relato y sus capas, para compartirlo como un solo archivo
cli-bundle-story = El archivo de relato (escenas)
cli-bundle-out = El paquete que escribir, terminado en .sitmap
cli-bundle-layers = Los archivos de capas, empezando por la de más abajo en el orden de dibujo; sin ninguno, los archivos de capas de la carpeta del relato (las cuatro del relato incluido)

## Panel de capas

layers-heading = Capas
layers-open = Abrir…
layers-open-tip = Abrir archivos GeoJSON (Ctrl+O), o soltarlos sobre el mapa
layers-loading = Cargando { $file } ({ $mb } MB, { $secs } s)
layers-could-not-open = No se pudo abrir { $file }
layers-none-open = No hay capas abiertas. Use Abrir… o suelte archivos GeoJSON sobre el mapa.
layers-show-hide-tip = Mostrar u ocultar esta capa (clic derecho para editarla)
    { $path }
layers-edit = Editar esta capa
layers-on-screen = { $count } en pantalla
layers-on-screen-tip = Elementos dibujados en la vista actual
layers-on-screen-of = { $count } / { $total } en pantalla
layers-on-screen-of-tip = Elementos dibujados en la vista actual / elementos de la capa
layers-close-tip = Cerrar esta capa
layers-down-tip = Bajar (se dibuja debajo)
layers-up-tip = Subir (se dibuja encima)
layers-columns = Columnas…
layers-csv-columns-tip = Columnas del CSV: { $summary }
layers-opacity = opacidad
layers-reload-failed = Falló la recarga; se muestra la última versión válida:
layers-problems = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errores
}, { $warnings ->
    [one] { $warnings } advertencia
   *[other] { $warnings } advertencias
}
layers-time-none = ninguna
layers-time-from = Fechas del campo
layers-time-automatic = automática
layers-time-automatic-tip = Un campo con nombre de fecha cuyos valores se leen como fechas
layers-time-none-always = ninguna (siempre visible)
layers-time-from-tip = La propiedad que ubica los elementos de esta capa en la línea de tiempo
layers-problems-in = Problemas en { $layer }
layers-error = error
layers-warning = advertencia
layers-and-more-verbose = … y { $count } más (sitmap check --verbose los lista todos)

## Mensajes de estado y avisos

status-opened = Se abrió { $file } en { $secs } s
status-drawing = Dibujando { $file }…
status-reloaded = Se recargó { $file }
status-kept-previous = { $file } está dañado; se mantiene la última versión válida
status-no-open-dialog = No se puede mostrar el diálogo para abrir: { $error }
status-copied = Copiado: { $text }
status-saved = Guardado { $path } (la versión anterior se conserva como .bak)
status-no-file-dialog = No se puede mostrar el diálogo de archivos: { $error }
status-save-or-revert = { $name }: guarda o descarta antes sus ediciones
status-edited-unsaved = La capa en edición tiene cambios sin guardar: guárdalos o descártalos antes
status-story-not-saved = No se guardó: { $error }
status-story-save-failed = No se pudo guardar { $path }: { $error }. Tus ediciones siguen aquí; prueba Archivo > Guardar relato como….
share-too-big = { $path } es demasiado grande para tenerlo entero en memoria: solo se exporta a GeoJSON (por flujo)
share-exported = { $count ->
    [one] Se exportó { $count } entidad
   *[other] Se exportaron { $count } entidades
} a { $path }
share-export-failed = No se pudo exportar: { $error }
share-exporting = Exportando { $file } a { $path }…
share-bundle-saved = Se guardaron el relato y { $count ->
    [one] { $count } capa
   *[other] { $count } capas
} como { $path }
share-bundle-failed = No se pudo guardar el paquete: { $error }
notice-layer-recovered = Se recuperaron ediciones sin guardar de la capa { $name } de la última vez; guarda la capa para conservarlas o descártalas para eliminarlas.
notice-layer-not-saved = La capa no se guardó: { $error }. Tus ediciones siguen aquí.
notice-view-not-editable = { $path } se lee por vistas y no se puede editar aquí; edita un extracto (`ogr2ogr -spat W S E N salida.fgb { $path }`)
notice-story-gone = El relato { $path } estaba abierto la última vez, pero ya no existe.
notice-story-recovered = Se recuperaron ediciones sin guardar de { $path } de la última vez; guarda el relato para conservarlas o descártalas para eliminarlas.
notice-story-not-opened = No se pudo abrir el relato: { $error }
rings-this-feature = este elemento
rings-round = Anillos de alcance alrededor de { $title }…
rings-here = Anillos de alcance aquí…
export-no-map = Todavía no hay mapa que exportar.
export-saved = Vista guardada en { $path }
export-failed = No se pudo guardar la vista: { $error }

## Tarjeta de bienvenida, diapositivas de la presentación

welcome-heading = sitmap: un mapa de situación, día a día
welcome-dismiss = Entendido
welcome-play = ▶ Reproducir la línea de tiempo
welcome-present = Presentar el relato
welcome-open = Abrir sus propios datos…
welcome-play-how = día a día (Espacio); o arrastre la línea de tiempo a cualquier día
welcome-present-how = en pantalla completa, escena por escena (F5; AvPág la siguiente, Esc para salir)
welcome-open-how = GeoJSON, CSV, KML o GPX (Ctrl+O, o suelte archivos sobre el mapa)
welcome-f1 = F1 lista todas las teclas.
slide-approximate = Posición aproximada
slide-blank-hint = B para mostrar el mapa
slide-keys-hint = AvPág / Espacio: siguiente  ·  RePág: atrás  ·  B: pantalla negra  ·  D: lápiz  ·  P: ventana del presentador  ·  Esc: salir

## Diálogos

cancel = Cancelar
about-title = Acerca de sitmap
about-text = sitmap: un mapa de situación de las Américas, día a día.
about-sources = Fuentes de los datos
about-coastlines = Costas, lagos y fronteras:
about-public-domain = (dominio público).
about-cities = Ciudades:
about-online = Mapas base en línea, si se eligen:
about-osm-contributors = © colaboradores de OpenStreetMap
about-and = y
quit-heading = ¿Guardar antes de salir?
quit-unsaved = { $file } tiene cambios sin guardar.
quit-not-kept = No se conservan en ningún otro lugar: { $note }.
quit-save = Guardar y salir
quit-discard = Descartar los cambios y salir
quit-the-layer = La capa { $layer } ({ $file })
quit-not-saved-yet = aún sin guardar
quit-the-story = El relato { $path }
conflict-heading = El archivo del relato cambió en el disco
conflict-text = { $file } fue guardado por otro programa (u otra ventana de sitmap) desde que se abrió aquí. Guardar ahora reemplazaría esos cambios.
conflict-reload = Volver a cargar del disco
conflict-reload-tip = Descarta los cambios hechos aquí
conflict-overwrite = Sobrescribir
conflict-overwrite-tip = Reemplaza los cambios del archivo
conflict-save-as = Guardar como otro archivo…
new-layer-heading = Nueva capa
new-layer-name = Nombre de la capa
new-layer-save-to = Guardar en (opcional; un archivo .geojson)
new-layer-save-to-hint = se pregunta al guardar por primera vez
new-layer-create = Crear

## Panel de escenas y ventana del presentador

scenes-window = { $days ->
    [one] { $days } día hasta el { $end }
   *[other] { $days } días hasta el { $end }
}
scenes-no-story = No hay ningún relato abierto. Un relato es una lista de escenas: cada una con una vista, una fecha y un texto.
scenes-new-story = Nuevo relato
scenes-story-title = Título:
scenes-unsaved = { $file } · sin guardar
scenes-unsaved-tip = Los cambios sin guardar se conservan en una copia de recuperación si sitmap se cierra; Guardar escribe el archivo.
scenes-not-kept = No se conservan si sitmap se cierra o falla ({ $problem }). Guarde para conservar estos cambios.
scenes-save = Guardar
scenes-save-tip = Ctrl+S; el archivo anterior se conserva como .bak
scenes-save-as = Guardar como…
scenes-revert = Revertir
scenes-revert-tip = Descartar todos los cambios sin guardar
scenes-present-tip = F5; Esc para salir
scenes-add = + Agregar desde la vista
scenes-add-tip = Una escena nueva con lo que muestra el mapa ahora: vista, fecha, capas, selección
scenes-warnings = { $count ->
    [one] { $count } advertencia
   *[other] { $count } advertencias
}
scenes-none = Todavía no hay escenas: prepare el mapa y luego Agregar desde la vista.
scenes-scene = Escena { $number }
scenes-earlier = Antes
scenes-earlier-tip = Mover antes
scenes-later = Después
scenes-later-tip = Mover después
scenes-use-view = Usar esta vista
scenes-use-view-tip = La escena toma la vista, la fecha y las capas visibles del mapa
scenes-delete = Eliminar
scenes-delete-tip = Quitar la escena (Revertir la recupera hasta que guarde)
scenes-editing-translation = Editando el texto en { $language }; los campos vacíos muestran el original del relato.
scenes-title = Título
scenes-caption = Texto (**negrita**, *cursiva*, [enlace](https://…))
scenes-notes = Notas del orador
scenes-highlighted = { $when } · { $count } resaltados
story-untranslated = El relato no tiene texto en { $language } para { $count ->
    [one] la escena { $scenes }
   *[other] las escenas { $scenes }
}; se muestran en su idioma original.
presenter-no-notes = (esta escena no tiene notas)
presenter-scene-of = Escena { $number } de { $count }
presenter-no-scene = Todavía no hay escena: pulse AvPág para empezar.
presenter-show = Mostrar
presenter-blank = Pantalla negra
story-untranslated-all = El relato no tiene texto en { $language }; se muestra en su idioma original.
lang-en = inglés
lang-es = español
lang-pt-BR = portugués de Brasil

## Anillos de alcance, exportar capa y búsqueda de lugares

compass-n = N
compass-s = S
compass-e = E
compass-w = O
rings-dialog-round = Alrededor de { $place }
rings-dialog-round-named = Alrededor de { $name } ({ $place })
rings-dialog-radii = Radios
rings-dialog-rings-at = Anillos a { $radii }
rings-dialog-add = Agregar anillos
export-layer-title = Exportar capa
export-layer-none = No hay capas abiertas.
export-layer-layer = Capa
export-layer-format = Formato
export-layer-only-shown = Solo lo que se muestra el { $day }
export-layer-export = Exportar…
menu-file-export-video = Exportar video…
video-title = Exportar video
video-what = Qué
video-story = El relato (todas las escenas)
video-range = Un intervalo de fechas
video-from = Desde
video-to = Hasta
video-size = Tamaño
video-custom = Personalizado
video-fps = Imágenes por segundo
video-format-label = Formato
video-mp4 = MP4 (H.264)
video-gif = GIF
video-file = Archivo
video-choose = Elegir…
video-choose-title = Exportar el video como
video-export = Exportar
video-note = Se dibuja a partir de los archivos guardados, como en el modo presentación.
video-preparing = Preparando la primera imagen…
video-progress = Imagen { $done } de { $total } · quedan unos { $left } s
video-written = Escrito: { $path }
video-failed = No se escribió el video: { $reason }
video-cancelled = Cancelado; se borró el archivo sin terminar.
video-no-path = Elija el archivo que se escribirá.
video-bad-size = { $size } píxeles no es un tamaño de video: cada lado de { $min } a { $max }
video-bad-date = { $date } no es una fecha (AAAA-MM-DD): { $reason }
video-no-story = No hay ningún relato abierto: abra uno (Relato › Abrir relato…) o elija un intervalo de fechas.
search-find = Buscar
search-hint = un lugar o un elemento
search-nothing = No se encontró nada
search-keys = Arriba/Abajo: elegir · Intro: ir allí · Esc: cerrar
search-country = País
search-capital = Capital
search-city = Ciudad

## F1: las teclas (fila por fila de KEYMAP en src/ui/keys.rs)

keymap-keys-1 = Flechas
keymap-does-1 = Desplazar el mapa (con capas fechadas: Arriba/Abajo y Mayús+flechas)
keymap-keys-2 = Izquierda / Derecha
keymap-does-2 = Un día atrás / adelante (con capas fechadas)
keymap-keys-3 = RePág / AvPág
keymap-does-3 = Suceso anterior / siguiente (lo que envían los controles de presentación)
keymap-keys-4 = Inicio / Fin
keymap-does-4 = Primera / última fecha
keymap-keys-5 = Espacio
keymap-does-5 = Reproducir o pausar la línea de tiempo
keymap-keys-6 = + / −
keymap-does-6 = Acercar / alejar
keymap-keys-7 = Rueda del ratón, pellizco
keymap-does-7 = Zoom en el puntero
keymap-keys-8 = Arrastrar
keymap-does-8 = Desplazar el mapa
keymap-keys-9 = H
keymap-does-9 = Inicio: todas las Américas
keymap-keys-10 = 1 … 5
keymap-does-10 = Vistas: Américas, Caribe, México, Venezuela y Colombia, Pacífico oriental
keymap-keys-11 = Ctrl+O
keymap-does-11 = Abrir capas GeoJSON (o soltar archivos sobre el mapa)
keymap-keys-12 = Ctrl+E
keymap-does-12 = Guardar la vista del mapa como PNG (en Imágenes/sitmap)
keymap-keys-13 = F5
keymap-does-13 = Presentar el relato (Esc para salir)
keymap-keys-14 = En una presentación
keymap-does-14 = AvPág, Espacio, Derecha, Abajo o clic: escena siguiente · RePág, Izquierda, Arriba o clic derecho: atrás · Inicio/Fin · B: pantalla negra · P: ventana del presentador
keymap-keys-15 = D / E / K (presentando)
keymap-does-15 = Lápiz: dibujar sobre la diapositiva con el ratón o una tableta · borrar los trazos del lápiz · guardarlos como anotaciones de la escena (un cambio de escena los borra)
keymap-keys-16 = Ctrl+Z / Ctrl+Mayús+Z, Ctrl+Y
keymap-does-16 = Deshacer / rehacer un cambio de la capa en edición
keymap-keys-17 = Ctrl+S (editando)
keymap-does-17 = Guardar la capa en edición
keymap-keys-18 = V, P, L, G, R (editando)
keymap-does-18 = Herramientas: seleccionar y mover, punto, línea, polígono, anillo de alcance
keymap-keys-19 = Intro / Esc (editando)
keymap-does-19 = Terminar / cancelar la línea o el polígono que se dibuja
keymap-keys-20 = Supr (editando)
keymap-does-20 = Eliminar el elemento seleccionado
keymap-keys-21 = M
keymap-does-21 = Medir: haga clic en lugares para distancias geodésicas (km, mn) y rumbos
keymap-keys-22 = C
keymap-does-22 = Comparar el día de la línea de tiempo (B) con un mes antes (A); de nuevo para salir (Ver › Comparar fechas…)
keymap-keys-23 = [ / ]
keymap-does-23 = Al comparar: la fecha A un día atrás / adelante (la línea de tiempo mueve B)
keymap-keys-24 = Ctrl+F
keymap-does-24 = Buscar un lugar (países, capitales, ciudades) o un elemento por su título; Intro vuela hasta allí
keymap-keys-25 = Retroceso / Esc (midiendo)
keymap-does-25 = Quitar el último lugar medido / dejar de medir
keymap-keys-26 = Ctrl+S
keymap-does-26 = Guardar el relato
keymap-keys-27 = S
keymap-does-27 = Mostrar u ocultar el panel de escenas
keymap-keys-28 = Clic
keymap-does-28 = Seleccionar un elemento: sus detalles, fuentes y coordenadas
keymap-keys-29 = Esc
keymap-does-29 = Quitar la selección
keymap-keys-30 = F1
keymap-does-30 = Esta lista
keymap-keys-31 = Ctrl+Q
keymap-does-31 = Salir
presenter-elapsed = { $time } transcurridos
presenter-next = Siguiente ▶
presenter-back = ◀ Atrás
presenter-next-scene = Siguiente: { $title }
presenter-last-scene = Última escena
share-no-story = Primero abra o cree un relato: un paquete es un relato y sus capas.
share-layer-closed = La capa se cerró antes de que pudiera exportarse.
share-story-closed = El relato se cerró antes de que pudiera guardarse.

## Edición de una capa

edit-heading = Editando { $layer }
edit-saves-to = Se guarda en { $path }
edit-from-source = De { $path }: se guarda como un archivo GeoJSON nuevo, nunca encima
edit-not-saved = Aún sin guardar: Guardar pregunta dónde
edit-unsaved = Cambios sin guardar
edit-undo = Deshacer
edit-redo = Rehacer
edit-save = Guardar capa
edit-save-as = Guardar capa como…
edit-stop = Dejar de editar
edit-select-a-feature = Seleccione un elemento de esta capa, o dibuje uno, para editarlo.
edit-description = Descripción
edit-delete-feature = Eliminar elemento
edit-dates-help = Fechas: AAAA-MM-DD, o fecha y hora con Z o un desfase; el fin puede ser `ongoing`
edit-start = Inicio
edit-end = Fin
edit-number-range = { $key } debe ser un número de { $from } a { $to }
edit-location = Ubicación
edit-location-not-said = sin indicar
edit-location-exact = exacta
edit-location-approximate = aproximada
edit-uncertainty-km = Incertidumbre (km)
edit-range-rings-km = Anillos de alcance (km): { $radii }
edit-range-ring-km = Anillo de alcance (km)
edit-sources = Fuentes
edit-source-title = Título de la fuente
edit-source-url = URL
edit-source-published = Publicada
edit-url-not-web = La URL debe ser una dirección web (https://…)
edit-remove-source = Quitar fuente
edit-add-source = + Agregar fuente
edit-colour = Color
edit-colour-invalid = un color es #rrggbb o #rgb
edit-tool-select = Seleccionar
edit-tool-point = Punto
edit-tool-line = Línea
edit-tool-polygon = Polígono
edit-tool-circle = Anillo de alcance
edit-tool-select-hint = Haga clic en un elemento para editarlo; arrástrelo, o sus vértices, para moverlos
edit-tool-point-hint = Haga clic en el mapa para poner un punto
edit-tool-line-hint = Haga clic en cada vértice; doble clic o Intro para terminar, Esc para cancelar
edit-tool-polygon-hint = Haga clic en cada esquina; doble clic o Intro para terminar, Esc para cancelar
edit-tool-circle-hint = Haga clic en el centro y luego en un punto del anillo

## Columnas de CSV

csv-title = Columnas de { $layer }
csv-guessed = Deducido: { $summary }
csv-latitude = Latitud
csv-longitude = Longitud
csv-geometry = Geometría (WKT)
csv-start = Fecha de inicio
csv-end = Fecha de fin
csv-dates-like = Fechas como 03/04/2025
csv-as-guessed = según lo deducido
csv-day-month = día/mes
csv-month-day = mes/día
csv-first-rows = Primeras filas, tal como se leerían
csv-apply = Aplicar
csv-reset = Volver a lo deducido
csv-as-guessed-column = según lo deducido ({ $column })
csv-as-guessed-none = según lo deducido (ninguna)
csv-position = posición
csv-start-column = inicio

## Compare, servers and annotations (menus)
menu-view-compare = Comparar fechas…
menu-view-compare-tip = Dos fechas lado a lado, o solo lo que cambió entre ellas
menu-view-compare-split = Comparar lado a lado
menu-view-compare-changes = Comparar: lo que cambió
menu-view-compare-stop = Dejar de comparar
menu-file-open-server = Abrir desde un servidor…
menu-file-open-server-tip = Una capa de un servidor OGC API – Features
menu-tools-annotate = Anotar
annotate-arrow = Flecha
annotate-text = Texto con globo
annotate-freehand = Mano alzada
annotate-arrow-tip = Arrastre de la cola a la punta (o haga clic y luego clic)
annotate-text-tip = Haga clic en el lugar, escriba el texto, Intro
annotate-freehand-tip = Arrastre para dibujar
annotate-stop = Dejar de anotar
annotate-remove-last = Quitar la última anotación de la escena
