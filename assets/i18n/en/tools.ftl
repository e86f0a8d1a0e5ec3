# The server dialog and server layers, FlatGeobuf files read by view, the
# Compare dates window and plates, and the annotations' callout, in
# English: the source the other languages follow.

## Open from server, and a server layer's line in the layer panel

server-title = Open from server
server-about = An OGC API – Features server's landing page (pygeoapi, GeoServer, ldproxy, tipg, …)
server-address = Server address
server-list = List collections
server-asking = Asking the server… { $secs } s
server-collections = { $count ->
    [one] { $count } feature collection
   *[other] { $count } feature collections
} at { $endpoint }
server-extent = { $west }°, { $south }° to { $east }°, { $north }°
server-open = Open as layer
server-open-tip = Features in the map's view and the timeline's window are fetched as you move
server-in-view = { $count } in view
server-more = ; more on the server
server-matched-tip = The server has { $count } features in this view and time
server-sent-tip = Features the server sent for this view and time
server-capped-tip = ; sitmap stops at { $pages } pages or { $features } features a view: zoom in or narrow the timeline's window for the rest
server-cached-tip = { " " }(from this session's cache)
server-failed = Server request failed
server-retry = Retry
server-retry-tip = Ask the server again for this view
server-opened = Opened { $title } from the server
server-gone = { $endpoint } no longer lists the collection `{ $id }`; it was not reopened.
server-not-reopened = A server layer open last time was not reopened: { $reason }
layers-loading-server = Loading { $file } ({ $secs } s)

## A FlatGeobuf file read a view at a time

layers-by-view-on-screen = { $count } on screen
layers-by-view-on-screen-tip = Features drawn in the current view
layers-by-view-tip = A big FlatGeobuf file is read a view at a time through its spatial index (the view and a margin round it); beyond a cap, an even sample of its features: zoom in to see every one
view-reading = { $count } features; reading the view…
view-sampled = showing { $held } of { $in_view } in view: zoom in
view-in-view = { $in_view } in view of { $in_file }
view-still-reading = { " " }(reading…)
view-cannot-read = Cannot read { $path } by view: { $reason }

## Compare dates

compare-title = Compare dates
compare-needs-dates = Comparing needs layers with dates.
compare-date-b = Date B is the timeline's day: { $date } (move it on the timeline).
compare-date-a = Date A:
compare-date-hint = YYYY-MM-DD
compare-not-a-date = not a date; write YYYY-MM-DD, e.g. 2025-09-02
compare-set-a = Set A
compare-start = Compare
compare-split = Side by side
compare-changes = What changed
compare-keys = [ and ] move date A by a day; C leaves.
compare-stop = Stop comparing
compare-appeared = { $count } appeared
compare-ended = { $count } ended
compare-moved = { $count } moved

## Annotations

annotate-callout-title = Text callout
annotate-callout = Callout:
annotate-callout-hint = Text on the map
annotate-add = Add
annotate-needs-scene = Annotations belong to a scene: open a story and go to a scene first.

## Range rings: the radii typed

rings-radii-hint = 500, 1000, 2000
rings-radii-help = Numbers separated by commas or spaces, decimals with a point (2.5); a unit after them is taken too
rings-list = { $first } and { $last }
rings-list-separator = ,{ " " }
rings-empty = Type one or more radii, e.g. { $example }
rings-not-a-number = `{ $text }` is not a number
rings-decimal-point = `{ $text }` is not a number
rings-not-positive = `{ $text }` is not a radius: radii are more than 0
rings-too-wide = `{ $text }` is wider than half the Earth ({ $max } km)
rings-too-many = At most { $max } rings at once
rings-unknown-unit = `{ $text }` is not a unit: write km or nm
