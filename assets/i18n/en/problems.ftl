# The problems the loaders find in a layer file, and the story reader in a
# story file, in English: the source the other languages follow (the same
# test as sitmap.ftl holds them to it). Backquotes name what the file says
# (a property, a value) and stay as they are in every language.

## Where in a file

place-feature = feature { $n }
place-row = row { $n }
place-placemark = placemark { $n }
place-record = record { $n }
place-file = the file
# "osm.geojson: 2,453 features have no sources; e.g. feature 0, feature 1 (no sources)"
group-summary = { $path }: { $count } features { $what }; e.g. { $places } ({ $first })

## Problems of one kind, after "N features"

kind-file = have a problem with the file
kind-not-feature = are not GeoJSON Features and were skipped
kind-geometry = have a geometry that cannot be read and were skipped
kind-duplicate-id = reuse the id of an earlier feature (both are kept)
kind-unread = have a `{ $key }` sitmap cannot read (kept and shown as written)
kind-date = have a date that cannot be read (kept and shown as written)
kind-source = have a source that is not a web link (shown as written)
kind-no-start = have no `start`: shown at every date
kind-no-sources = have no sources
kind-no-uncertainty = are approximate without an `uncertainty_km`
kind-time-field = have a time field value that is not a time

## A whole file

load-read = cannot read the file: { $reason }
load-empty = the file is empty; a layer is a GeoJSON FeatureCollection (or one Feature per line)
load-too-large = the file is larger than { $mib } MiB, the most sitmap loads as one layer; split it into several layers
load-not-utf8 = not UTF-8 text at line { $line }, column { $column }; save the file as UTF-8
load-not-json = not valid JSON at line { $line }, column { $column }: { $reason }
load-not-geojson = not GeoJSON at line { $line }, column { $column }: { $reason }
load-projected-crs = the file's `crs` says its coordinates are in the coordinate system { $crs }, but GeoJSON (RFC 7946) and sitmap use WGS 84 longitude/latitude; convert it, e.g. `ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`
load-projected-crs-mercator = the file's `crs` says its coordinates are in Web Mercator metres (EPSG:3857), but GeoJSON (RFC 7946) and sitmap use WGS 84 longitude/latitude; convert it, e.g. `ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`
load-osm-json = this is OSM JSON (OpenStreetMap or Overpass API `elements`), not GeoJSON; convert it with osmtogeojson, or export GeoJSON from overpass-turbo
load-no-type = the top-level object has no `type`; expected a FeatureCollection, a Feature or a geometry
load-top-not-object = the top level is not a JSON object; expected a FeatureCollection, a Feature or a geometry
load-no-features = the FeatureCollection has no `features` array
load-features-not-array = `features` is not an array
load-unknown-type = `type` is { $value }; expected FeatureCollection, Feature or a geometry type
load-sitmap-not-object = `sitmap` is not an object like { "{" }"name": .., "color": ..{ "}" }; ignored
load-sitmap-not-text = sitmap.{ $key } is { $value }, not text; ignored
load-sitmap-colour = sitmap.color `{ $value }` is not a #rrggbb colour; ignored

## A feature

check-not-feature-object = is not a Feature object but `{ $value }`
check-not-valid-feature = is not a valid Feature: { $reason } (line { $line }, column { $column })
check-bad-properties = bad properties: { $reason } (line { $line }, column { $column })
check-bad-geometry = bad geometry: { $reason } (line { $line }, column { $column })
check-bad-geometry-text = bad geometry: { $reason }
check-type-not-feature = `type` is { $value }, expected "Feature"
check-no-type = has no `"type": "Feature"`
check-duplicate-id = duplicate id: feature { $first } already uses `{ $id }`
check-id-not-text = `id` is { $value }, not text or a number; shown as written
check-date-not-text = `{ $key }` is { $value }, not a date (YYYY-MM-DD) or an RFC 3339 date-time; shown as written
check-date-shown-always = { $reason }; the feature is shown at every date
check-date-end-ignored = { $reason }; `end` is ignored
check-sources-not-array = `sources` is not an array of { "{" }"title", "url", "published"{ "}" } objects; shown as written
check-source-not-object = sources[{ $i }] is not an object with a `title` or `url`
check-source-url-not-text = sources[{ $i }].url is { $value }, not text
check-source-url-not-web = sources[{ $i }].url { $value } is not an http or https address; not a link
check-source-empty = sources[{ $i }] has neither a `title` nor a `url`
check-not-text = `{ $key }` is not text; shown as written
check-date-precision = date_precision { $value } is not "day", "month" or "approximate"; taken as day
check-uncertainty-km = uncertainty_km { $value } is not a distance in km; ignored
check-location-precision = location_precision { $value } is not "exact" or "approximate"; taken as exact
check-no-uncertainty = location_precision is approximate but `uncertainty_km` is missing; add the radius in km
check-not-colour = { $key } { $value } is not a #rrggbb colour; ignored
check-not-in-range = { $key } { $value } is not a number from 0 to { $max }; ignored
check-radius-unit = radius_unit { $value } is not km or nm; the rings are labelled in km
check-radius-km = radius_km { $value } is not a number from 0 to { $max }, or a list of at most { $rings } of them; ignored
check-time-field = time field `{ $key }` is { $value }, not a time; the feature is shown at every date
check-no-start = no `start`: the feature is timeless and shown at every date
check-no-sources = no sources: add a `sources` entry with the `url` of a report

## A geometry

geometry-missing = geometry is missing (null); every feature needs one
geometry-empty = the { $what } has no positions
geometry-position-too-short = a position has { $count } number(s); it needs [longitude, latitude]
geometry-out-of-range = coordinate { $coordinate } is out of range (longitude -180..180, latitude -90..90; GeoJSON is longitude first)
geometry-not-finite = coordinate { $coordinate } is not a finite number
geometry-line-too-short = a LineString needs at least 2 positions, this one has { $count }
geometry-ring-too-short = a Polygon ring needs at least 4 positions, ring { $ring } has { $count }
geometry-ring-around-pole = Polygon ring { $ring } circles a pole across the antimeridian, which cannot be drawn; split it into parts at ±180°

## A date

time-no-offset = { $field } `{ $text }` has no UTC offset; add `Z` (UTC) or `+hh:mm` to the date-time
time-unparsable = { $field } `{ $text }` is not a date (YYYY-MM-DD) or an RFC 3339 date-time: { $reason }
time-end-before-start = end `{ $end }` is before start `{ $start }`
time-end-without-start = has an `end` ({ $end }) but no `start`; add the start date
time-ongoing-start = start cannot be `ongoing`; only `end` can

## Other formats

csv-header = the header row is not readable as CSV: { $reason }
csv-not-readable = not readable as CSV at line { $line }: { $reason }
csv-too-much-text = too much text in the cells to read as one layer
csv-not-utf8 = the cells are not UTF-8 text: { $reason }
csv-failed = the CSV conversion failed
csv-geometry-empty = the geometry cell is empty
csv-no-lat-lon-columns = no latitude and longitude columns; choose them with Columns… under the layer
csv-no-latitude = no latitude
csv-no-longitude = no longitude
csv-latitude-not-number = the latitude { $value } is not a number
csv-longitude-not-number = the longitude { $value } is not a number
csv-off-globe = latitude { $lat } and longitude { $lon } are not on the globe (±90°, ±180°); are the coordinates projected?
csv-geometry-json = the geometry is not valid JSON: { $reason }
csv-wkt-too-deep = the WKT geometry nests too deep
csv-not-wkt = the geometry { $head } is not WKT: { $reason }
csv-wkt-empty = the geometry is an empty { $kind }
# "date "sometime" is not read as a date (not a date); the row is kept without it"
csv-not-read-as-date = { $column } { $value } is not read as a date ({ $why }); the row is kept without it
csv-date-ambiguous = day and month cannot be told apart
csv-no-such-date = no such date
csv-no-such-time = no such time
csv-not-a-date = not a date
csv-windows-1252 = the file is not UTF-8; read as Windows-1252 (Latin-1), as Excel saves it. If accented letters look wrong, save the file as UTF-8
csv-unsure-latitude = { $count } columns could be the latitude
csv-unsure-no-position = no latitude and longitude (or WKT) columns were recognised
csv-unsure-date = { $columns } could each be the date; { $taken } was taken
csv-and = { $list } and { $last }
# The column dialog's preview of a row
csv-preview-not-geometry = not a geometry
csv-preview-off-globe = off the globe
csv-preview-no-position = no position
csv-preview-undated = undated
csv-unsure-day-month = dates such as { $example } could be day/month or month/day; read as day/month
csv-unsure-mixed-orders = the date column mixes day/month and month/day orders
kmz-not-zip = not a readable KMZ (zip) archive: { $reason }
kmz-no-kml = the KMZ archive holds no .kml file ({ $count ->
    [one] { $count } other file
   *[other] { $count } other files
})
kmz-unpack = cannot unpack `{ $name }` from the KMZ: { $reason }
xml-not-utf8 = the file is not UTF-8; unreadable characters are shown as �
xml-invalid = not valid XML at line { $line }, column { $column }: { $reason }
xml-end-without-start = an end tag without its start
xml-ends-inside = the file ends inside <{ $name }> (cut short?)
xml-ends-inside-element = the file ends inside an element (cut short?)
xml-no-element = no element
kml-ends-early = the file ends before its last end tag (cut short?)
# "the LineString's coordinates hold `x`, which is not a number (coordinates)"; $what is the KML element's name
kml-coordinates = the { $what }'s coordinates { $reason }
kml-one-number = have a position with one number ({ $number })
kml-hold = hold { $reason }
kml-not-number = `{ $token }`, which is not a number ({ $what })
kml-coord-short = the gx:coord `{ $text }` needs a longitude and a latitude
kml-no-address = (no address)
# $name is empty or " `name`"
kml-network-link = the NetworkLink{ $name } to { $href } is not fetched; open that file itself
kml-overlays = { $count ->
    [one] { $count } image overlay
   *[other] { $count } image overlays
} (GroundOverlay, ScreenOverlay, PhotoOverlay) not shown; sitmap reads placemarks
kml-zoneless = { $count ->
    [one] { $count } placemark time has a date-time
   *[other] { $count } placemark times have date-times
} without a time zone, read as UTC
kml-no-placemark = no Placemark in the file; nothing to show
gpx-ends-early = the file ends before </gpx> (cut short?)
# $name is empty or " `name`"
gpx-waypoint = waypoint{ $name }: { $reason }
gpx-route = route{ $name }: { $reason }
gpx-track = track{ $name }: { $reason }
gpx-point = point { $n }: { $reason }
gpx-no-attribute = no `{ $name }` attribute
gpx-not-number = `{ $name }` `{ $text }` is not a number
kml-stopped = { $reason }; the { $count } placemarks before it loaded
gpx-stopped = { $reason }; the { $count } waypoints, routes and tracks before it loaded
gpx-zoneless = { $count } times without a time zone, read as UTC
fgb-stopped = the FlatGeobuf reader stopped unexpectedly
fgb-crs-wkt-only = the file's coordinate reference system has no code (WKT only); sitmap takes the coordinates as longitude and latitude (WGS 84)
fgb-crs-no-code = the file's coordinate reference system has no code ({ $name }); sitmap takes the coordinates as longitude and latitude (WGS 84)
fgb-projected = the file's coordinates are in { $crs }, not longitude and latitude (EPSG:4326); sitmap does not reproject: convert it first, e.g. `ogr2ogr -t_srs EPSG:4326 out.fgb in.fgb`
fgb-too-many-declared = the header declares { $declared } features, more than a file of { $bytes } bytes can index: truncated or corrupt
fgb-no-index = the file has no spatial index, so a box cannot be read from it alone; open the whole file
fgb-index-truncated = the file ends inside its index ({ $bytes } bytes for { $declared } features): truncated
fgb-view-no-index = the file has no spatial index (or no feature count), so it cannot be read a view at a time
fgb-part-header = header
fgb-part-index = index
fgb-part-feature = feature
fgb-not-fgb = not a FlatGeobuf file (it does not start with `fgb`)
fgb-ends-inside = the file ends inside its { $part }: truncated
fgb-cannot-read = the { $part } cannot be read: { $reason } (corrupt FlatGeobuf)
fgb-feature = feature { $n }: { $reason }
fgb-feature-corrupt = the feature cannot be read: { $reason } (corrupt FlatGeobuf)
fgb-ends-after = the file ends after { $number } of its { $expected } features: truncated
fgb-at-byte = at byte { $at }: { $reason }
fgb-ends-at-byte = at byte { $at }: the file ends at byte { $len }: truncated
fgb-record-past-end = at byte { $at }: a record of { $size } bytes would end past the end of the file ({ $len } bytes): truncated or corrupt
fgb-index-declares = the header declares { $count } features in an index of { $node_size } a node, more than a file of { $bytes } bytes can hold: truncated or corrupt
fgb-index-cut = the file ends inside its spatial index ({ $index } bytes for { $count } features, { $left } left after the header): truncated
fgb-index-below-leaves = the spatial index points below its leaves: corrupt
fgb-index-outside-level = the spatial index points at node { $node }, outside its level: corrupt
fgb-index-unreadable = the spatial index cannot be read: { $reason }
fgb-nested-too-deep = the geometry is nested too deep
fgb-geometry-type = geometry type { $kind } is not supported (sitmap reads points, lines, polygons, their multi- forms and collections)
fgb-point-empty = a point without coordinates
fgb-odd-coordinates = an odd count of coordinates ({ $count })
fgb-part-outside = a part ends at position { $end }, outside the geometry's { $count } positions
fgb-properties-end = the properties end inside { $what }
fgb-a-column-number = a column number
fgb-column-outside = a property of column { $index }, but the file has { $count } columns
fgb-text-not-utf8 = the text of `{ $name }` is not UTF-8
fgb-column-type = column `{ $name }` has an unknown type ({ $kind })
check-server-capped = stopped after { $pages } pages ({ $count } features): more on the server (the cap is { $max_pages } pages or { $max_features } features)

## The window's fallback

load-failed = { $path }: could not be loaded

## A story file

story-scene = scene { $number }{ $title }
story-too-large = the file is larger than 16 MiB; is it really a story file?
story-not-object = a story file is one JSON object, { "{" }"title": .., "scenes": [..]{ "}" }
story-no-title = no "title"; the story needs one
story-translations = "translations": { $reason }
story-no-scenes = no "scenes"; a story file is { "{" }"title": .., "scenes": [..]{ "}" }
story-scene-not-object = a scene must be a JSON object
story-scene-no-title = no "title"; every scene needs one
# "\"title\": invalid type: integer `5`, expected a string"; $found and $expected are serde's words
story-field = { $key }: { $reason }
story-invalid-type = invalid type: { $found }, expected { $expected }
story-invalid-value = invalid value: { $found }, expected { $expected }
story-unknown-field = unknown field { $found }, expected { $expected }
story-unknown-variant = unknown variant { $found }, expected { $expected }
story-window-days = "window": "days" must be 1 or more
story-date-and-window = both "date" and "window"; give one of them
story-no-date = no "date" or "window"; give "date": "YYYY-MM-DD" or "window": { "{" }"end": "YYYY-MM-DD", "days": N{ "}" }
story-annotation-left-out = annotation { $number }: { $reason }; left out
annotation-not-object = an annotation is a JSON object, e.g. { "{" }"kind": "arrow", ..{ "}" }
annotation-no-kind = no "kind"; give "arrow", "text" or "stroke"
annotation-bad-kind = "kind" { $kind } is not an annotation; use "arrow", "text" or "stroke"
annotation-unknown-key = { $kind }: unknown key { $key }
annotation-no-place = { $kind }: no "{ $key }"; give [lon, lat]
annotation-place = { $kind }: "{ $key }" { $problem }
annotation-not-lon-lat = { $value } is not [lon, lat]
annotation-outside = { $value } is outside the world (longitude -180..180, latitude -90..90)
annotation-no-text = text: no "text" string
annotation-text-empty = text: "text" is empty
annotation-text-long = text: "text" is longer than { $max } characters
annotation-no-points = stroke: no "points" list of [lon, lat]
annotation-few-points = stroke: "points" needs at least two places
annotation-many-points = stroke: more than { $max } "points"
annotation-point = stroke: point { $n } { $problem }
annotation-color = { $kind }: "color" { $value } is not a colour; write "#rrggbb"
annotation-width = { $kind }: "width" { $value } is not a width from { $min } to { $max }
story-compare-from-late = compare "from" { $from } must be before the scene's date { $date } (date A is the earlier one)
story-compare-view = compare "view" { $name } is not a view; use "split" or "changes"
story-not-language = { $code } is not a language tag; write one such as "en", "es" or "pt-BR"
story-not-a-date = { $what } { $text } is not a date; write YYYY-MM-DD, e.g. 2025-09-02
story-no-camera = no "camera"; give "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } or { "{" }"bbox": [west, south, east, north]{ "}" }
story-camera-both = camera has both "center" and "bbox"; give "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } or { "{" }"bbox": [west, south, east, north]{ "}" }
story-camera-empty = camera is empty; give "camera": { "{" }"center": [lon, lat], "zoom": Z{ "}" } or { "{" }"bbox": [west, south, east, north]{ "}" }
story-camera-zoom = camera zoom { $zoom } is out of range; use { $min } to { $max }
story-camera-no-zoom = camera "center" needs a "zoom"
story-camera-zoom-with-bbox = camera "zoom" goes with "center"; a "bbox" is fitted to the window
story-camera-out-of-range = camera { $what } has longitude { $lon }, latitude { $lat }: out of range (longitude first, -180..180, then latitude, -90..90)
story-bbox-not-number = camera bbox { $bbox } has a value that is not a number; write [west, south, east, north] in degrees
story-bbox-inverted = camera bbox { $bbox } is inverted or empty; write [west, south, east, north] with west < east and south < north
story-bbox-outside = camera bbox { $bbox } lies outside the world
story-bbox-cut = camera bbox { $bbox } reaches past the world's edges (longitude -180..180, latitude -90..90); it is shown as { $cut }
story-caption-link = caption link to { $url } is not an http or https address; it is shown as text
story-no-layer = no open layer is called { $name }
story-id-not-found = highlighted id { $id } is in none of the open layers
story-id-hidden = highlighted id { $id } is in layer { $layer }, which this scene hides
story-id-not-shown = highlighted id { $id } is not on the map at the scene's time

## sitmap check's report

check-features = { $count ->
    [one] { $count } feature
   *[other] { $count } features
}
check-unlocated = , { $count } without geometry
check-time-one = time { $date }
check-time-range = time { $start } to { $end }
check-no-dated = no dated features
check-time-from = { " " }(from `{ $field }`)
check-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
check-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
check-line = { $path }: { $features }; { $time }; { $errors }, { $warnings }
check-columns = { $path }: columns { $columns }
check-unsure = { $path }: unsure: { $doubt }
check-active = { $path }: active at { $filter }: { $active }
check-window = { $day } (window of { $days ->
    [one] { $days } day
   *[other] { $days } days
})
check-error = error: { $problem }
check-warning = warning: { $problem }
check-total = checked { $files ->
    [one] { $files } file
   *[other] { $files } files
}: { $failed } with errors
check-story-fails = its story does not load: { $reason }

## sitmap render, sitmap bundle, sitmap convert

render-no-file = { $path }: no such layer file
render-changes-needs-compare = --changes shows what changed between two dates: give them with --compare A,B
render-scene-needs-out = --scene needs --out FILE.png
render-no-such-scene = { $path }: there is no scene { $number }; the story has { $count ->
    [one] { $count } scene
   *[other] { $count } scenes
}
render-story-needs-out-dir = --story renders every scene into --out-dir DIR, or one with --scene N --out FILE.png
render-no-scenes = the story has no scenes
render-range-needs-out-dir = --from/--to write numbered frames into --out-dir DIR
render-needs-out = say where to write the image: --out FILE.png
render-out-dir-misused = --out-dir is for a story's scenes or a --from/--to range; use --out FILE.png
render-not-png = { $path }: the output must be a .png file
render-to-before-from = --to { $to } is before --from { $from }
render-too-many-frames = { $from } to { $to } every { $step } days is { $count } frames; at most { $max } are written
render-layer-failed = the layer could not be loaded: { $reason }
render-timeout = the map was still not complete after { $secs } s ({ $waiting }); try a longer --timeout
render-waiting-tiles = the basemap tiles were still being drawn
render-waiting-layers = layer files were still loading
render-waiting-changes = something on the map was still changing
render-waiting-view = the opening view never settled
render-cancelled = cancelled; the unfinished video was removed
render-out-dir = cannot create the folder: { $reason }
video-missing = --video FILE.mp4 or FILE.gif is missing
video-format = { $path }: a video is written as .mp4 (H.264) or .gif
video-needs-what = --video needs what to show: --story FILE (its scenes) or --from D --to D
video-too-long = that video is { $count } frames; at most { $max } (an hour at 30 fps) are written
video-odd-size = --size { $size }: an MP4 (H.264) needs an even width and height
video-cannot-write = { $path }: cannot write the video: { $reason }
bundle-write = cannot write: { $reason }
bundle-newer = made by a newer sitmap: format { $found }, this sitmap reads up to { $reads }; update sitmap to open it
bundle-damaged = the bundle is damaged: { $what }; nothing was opened
bundle-refused = refused: { $why }; nothing was opened
bundle-source = cannot bundle it: { $why }
bundle-too-large = larger than { $mib } MiB, the most a bundle unpacks to
bundle-not-zip = not a complete zip archive ({ $reason })
bundle-too-many-members = { $count } members, more than the { $max } a bundle may have
bundle-member-no-name = member { $n } has no readable name
bundle-member-name = member name { $name } is not one a bundle has (manifest.json, story.json, layers/NAME)
bundle-manifest-not-json = manifest.json is not JSON ({ $reason })
bundle-manifest-no-format = manifest.json has no format number
bundle-manifest-not-sitmap = manifest.json is not a sitmap manifest ({ $reason })
bundle-manifest-names-bad = manifest.json names { $name }, not a member a bundle has
bundle-manifest-unlisted = manifest.json names { $name } but gives no size and checksum for it
bundle-manifest-lists-bad = manifest.json lists { $name }, not a member a bundle has
bundle-unpacks-too-much = it unpacks to more than { $mib } MiB, the most a bundle may
bundle-member-missing = { $name } is missing
bundle-member-unreadable = { $name } cannot be read ({ $reason })
bundle-member-too-large = { $name } is larger than { $mib } MiB
bundle-listed-missing = { $name } is listed in the manifest but missing
bundle-member-damaged = { $name } is damaged ({ $reason })
bundle-member-unpack = { $name } cannot be unpacked ({ $reason })
bundle-member-unpacks-too-much = { $name } unpacks to more than { $mib } MiB
bundle-member-longer = { $name } unpacks to more than the { $size } bytes the manifest says; stopped there
bundle-member-mismatch = { $name } does not match the manifest ({ $copied } bytes, CRC-32 { $crc }; the manifest says { $size } bytes, { $manifest_crc })
bundle-source-too-large = larger than { $mib } MiB, the most a bundle holds in one file
bundle-layers-too-large = the layers come to more than { $mib } MiB, the most a bundle holds
export-io = cannot write { $path }: { $reason }
export-csv = cannot write CSV: { $reason }
export-fgb = cannot write FlatGeobuf: { $reason }
bundle-not-extension = { $path } does not end in .{ $extension }; a bundle opens by its extension
bundle-no-layers = no layer files beside { $path }; name them after the options
bundle-layer-fails = it does not load
bundle-wrote = wrote { $path }: the story and { $count ->
    [one] { $count } layer
   *[other] { $count } layers
} ({ $names })
convert-unknown-format = cannot tell the format of { $path } from its extension; use one of { $extensions }
convert-nothing-written = nothing written
convert-streamed-only-geojson = { $path } holds { $count } features, too many to hold at once; it converts to GeoJSON only (.geojson), streamed
convert-wrote = wrote { $path }: { $written } of { $total } features as { $format }
convert-shown-at = { " " }(those shown at { $day })
