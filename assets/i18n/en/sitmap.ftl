# sitmap's interface in English: the source the other languages follow.
# Every message here must exist in es/ and pt-BR/ with the same variables
# (the test every_english_message_is_translated_with_the_same_variables).
# Numbers passed as variables are printed in the language's own way.

## Dates

date-long = { $day } { $month } { $year }
date-month-year = { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## Units

distance-km = { $km } km
distance-km-nm = { $km } km · { $nm } nm

## Menus

menu-file = File
menu-file-open = Open…
menu-file-new-layer = New layer…
menu-file-export-view = Export view as PNG…
menu-file-export-layer = Export layer…
menu-file-quit = Quit
menu-view = View
menu-view-zoom-in = Zoom in
menu-view-zoom-out = Zoom out
menu-view-classroom = Classroom mode
menu-view-classroom-tip = No spoilers: nothing after the current date is shown anywhere; PageDown steps through the day's events one card at a time
menu-view-reduce-motion = Reduce motion
menu-view-reduce-motion-tip = Scene changes are instant; new events do not pulse
menu-view-group-tip = Where five or more point symbols of a layer would hide each other, draw one disc with their count; zoom in and they part
menu-view-overlaps = Overlapping symbols:
menu-view-clusters = Clusters with counts
menu-view-density = Density surface
menu-view-density-tip = Where five or more point symbols of a layer would hide each other, shade the map in the layer's colour, the darker the more events; zoom in and they part
menu-view-every-symbol = Every symbol
menu-view-every-symbol-tip = Draw every point symbol, overlapping or not
menu-view-chart = Chart under the timeline
menu-view-chart-tip = Features per day, week or month for each shown layer, and the running total of a figure such as killed, under the timeline
menu-view-language = Language
menu-view-language-system = Follow the system ({ $language })
menu-story = Story
menu-story-present = Present
menu-story-scenes = Scenes panel
menu-story-open = Open story…
menu-story-new = New story…
menu-story-save = Save story
menu-story-save-as = Save story as…
menu-story-save-bundle = Save as bundle…
menu-basemap = Basemap
menu-theme = Theme
menu-help = Help
menu-help-shortcuts = Keyboard shortcuts
menu-help-about = About sitmap and its data
menu-tools = Tools
menu-tools-measure = Measure distances
menu-tools-measure-tip = Geodesic distances and bearings: click places on the map
menu-tools-rings = Range rings…
menu-tools-rings-tip = Geodesic circles at the radii you type, round the selected feature or the map's centre (right-click the map for any place)
menu-tools-find = Find a place or feature…

theme-system = Follow system
theme-light = Light
theme-dark = Dark
basemap-offline = Offline (Natural Earth)
basemap-osm = OpenStreetMap (online)
basemap-topo = OpenTopoMap (online)

view-americas = Americas
view-caribbean = Caribbean
view-mexico = Mexico
view-venezuela-colombia = Venezuela & Colombia
view-eastern-pacific = Eastern Pacific

## Toolbar

toolbar-home = Home
toolbar-home-tip = Show the whole Americas
toolbar-zoom-in-tip = Zoom in
toolbar-zoom-out-tip = Zoom out
toolbar-view = View:
toolbar-view-key = Key { $key }
toolbar-present = ▶ Present
toolbar-present-tip = Present the story full screen ({ $key }; Esc leaves)
toolbar-scenes = Scenes
toolbar-scenes-tip = The story's scenes: go, add, edit, reorder

## Timeline

timeline-first = First date
timeline-previous-event = Previous event
timeline-day-back = One day back
timeline-pause = ⏸ Pause
timeline-play = ▶ Play
timeline-play-tip = Play or pause
timeline-day-on = One day on
timeline-next-event = Next event
timeline-last = Last date
timeline-speed = Speed
# "1 days/s" as before: the reviewed English snapshot shows it.
timeline-days-per-second = { $days } days/s
timeline-days-per-second-suffix = { " " }d/s
timeline-speed-tip = Type any speed in days per second
timeline-loop = Loop
timeline-event-by-event = Event by event
timeline-event-by-event-tip = Play jumps from event to event and pauses on each, showing its card
timeline-pause-suffix = { " " }s pause
timeline-skip-empty = Skip empty
timeline-skip-empty-tip = Playback jumps over stretches without events
timeline-go-to = Go to date
timeline-go = Go
timeline-go-tip = Go to the typed date
timeline-as-of = As of date
timeline-as-of-tip = Events up to the date (older ones fade); spans running on it
timeline-window = Window
timeline-window-tip = Only what falls in the days up to the date
timeline-days = { $days } days
timeline-days-suffix = { " " }d
timeline-keep-ended = Keep ended
timeline-keep-ended-tip = Also show spans that have ended, faded
untitled = Untitled
day-not-a-date = `{ $text }` is not a date; write YYYY-MM-DD, e.g. 2025-09-02
day-no-such-day = `{ $text }` is not a day of the calendar: { $reason }
cli-unknown-lang = unknown language `{ $lang }`: sitmap speaks { $languages }

## Chart under the timeline

chart-features = Chart: features
chart-running-total = running total of
chart-nothing = nothing
chart-total-by = { $property } by { $date }: { $value }
chart-per-day = per day
chart-per-week = per week
chart-per-month = per month
chart-week-of = week of { $date }
timeline-date-hint = YYYY-MM-DD

## Feature details, tooltips and cards

close = Close
details-no-date = no date (always shown)
details-ongoing = ongoing
details-month-only = { $when } (month only)
details-approximate = { $place } (approximate)
details-date-approximate = { $when } (approximate)
details-approximate-within = { $place } (approximate, within about { $km } km)
details-no-location = no location given (not on the map)
details-features = { $count ->
    [one] { $count } feature
   *[other] { $count } features
}
details-and-more = and { $count } more
details-click-to-list = Click to list them
details-click-to-zoom = Click to zoom in
details-features-at-one-place = { $count } features at one place
details-untitled-feature = Untitled feature
details-close-tip = Close the details (Esc)
details-when = When
details-kind = Kind
details-actor = Actor
details-where = Where
details-range-rings = Range rings
details-sources = Sources ({ $count })
details-no-source = No source given.
details-published = published { $date }
details-copy-coordinates = Copy coordinates
details-copy-coordinates-tip = Copy "{ $coordinates }" (latitude, longitude)
cards-event = Event
cards-approximate-within = { $place } (approximate, ±{ $km } km)
cards-more-on-this-day = and { $count } more on this day
cards-event-of = Event { $number } of { $total } on this day
cards-event-of-next = Event { $number } of { $total } on this day · PageDown for the next

## Over the map and the status bar

distance-m = { $m } m
attribution-map-data = Map data ©
notice-online-failing = Online tiles are not loading (no network or a server error): showing the offline basemap.
notice-dismiss = Dismiss
status-zoom = zoom { $zoom }
status-loading-basemap = loading basemap…
status-rendering-tiles = rendering { $count } tiles

## The command line: help (held equal to the doc comments in src/ by a
## test), headings, and clap's own words

cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-help = Print help
cli-version = Print version
cli-sitmap-about = A situation map of the Americas, day by day
cli-sitmap-files = GeoJSON layers to open in the window
cli-sitmap-assets = Read the basemap assets from this folder instead of the copy built into the program
cli-sitmap-exit-after-first-full-frame = Print the time from start to the first fully drawn map, then quit (for measuring)
cli-sitmap-date = Open the timeline at this day (YYYY-MM-DD, UTC)
cli-sitmap-view = Open on a view preset instead of the whole Americas
cli-sitmap-no-story = Open with an empty map instead of the story layers
cli-sitmap-story = The story (scenes) file to open; without it, the shipped story with the story layers, or the last session's
cli-sitmap-present = Start presenting, at scene N (from 1) when given
cli-sitmap-reduced-motion = Instant scene changes and no pulsing markers
cli-sitmap-no-grouping = Draw every point symbol, overlapping or not: no clusters (also in the View menu)
cli-sitmap-measure-pan-tour = Show the whole Americas, pan across it at zoom 5, print frame times and resident memory, then quit (for measuring)
cli-sitmap-theme = Colour theme: system, light or dark (switchable in the Theme menu); without it, the last session's
cli-sitmap-basemap = Basemap at start: the offline one, or online tiles (shown over it); without it, the last session's
cli-sitmap-lang = The language of the window, `render` and the messages: en, es or pt-BR (without it, the one chosen in View › Language, else the system's: LC_ALL, LC_MESSAGES, LANG)
cli-sitmap-window-size = Initial window size in points, WIDTHxHEIGHT
cli-check-about = Check layer files without opening a window: features by geometry type, time range and every error and warning. Exits 1 if any file has errors
cli-check-files = Layer files to check, or a collection of an OGC API – Features server (`https://host/collections/ID`), fetched whole (with `--at` as the server's `datetime`)
cli-check-json = Print one JSON object instead of text
cli-check-at = Also count the features shown on this UTC day, as the map shows them "as of" the day (instants that have happened, spans still on)
cli-check-window = With --at: count what falls in the DAYS days ending with that day instead (the map's window mode)
cli-check-verbose = List every problem instead of one line per kind of problem
cli-check-time-field = The property that dates features without `start` (default: found by name and content; `none` for no time field)
cli-render-about = Render PNGs of the map without a window: a story's scene or every scene, any view, or one frame a step over a date range
cli-render-story = A story (scenes) file: render its scene --scene N to --out, or every scene into --out-dir
cli-render-scene = With --story: the scene to render, counting from 1
cli-render-date = The day to show (YYYY-MM-DD, UTC); the data's last day without it
cli-render-bbox = The area to fit the image to, in degrees: west,south,east,north (e.g. -85,5,-58,28); the whole Americas without it
cli-render-from = First day of an animated export: one frame a step from --from to --to into --out-dir
cli-render-to = Last day of an animated export (included when a step lands on it)
cli-render-step-days = Days between two frames of an animated export
cli-render-compare = Compare two dates, A,B (YYYY-MM-DD,YYYY-MM-DD, A before B): date A on the left of the map, B on the right
cli-render-changes = With --compare: one map of what appeared, ended or moved between the dates instead of the two side by side
cli-render-video = Write a video (.mp4: H.264; .gif) instead of PNGs: the story's scenes one after another (--story), or a date range (--from/--to)
cli-render-fps = Video frames per second
cli-render-hold = Video of a story: seconds each scene is held once the camera is there
cli-render-frames-per-day = Video of a date range: frames each day is shown for
cli-render-out = The PNG file to write (one image)
cli-render-out-dir = The folder to write numbered PNGs into (every scene, or a date range); created if missing
cli-render-size = Image size in pixels, WIDTHxHEIGHT
cli-render-theme = Colour theme; light suits projectors
cli-render-assets = Read the basemap from this folder instead of the built-in copy
cli-render-timeout = Give up on an image whose map is not complete after this many seconds
cli-render-files = GeoJSON layers to draw; the story layers in `geodata/` without any
cli-convert-about = Convert a layer file to GeoJSON, KML or CSV (by OUT's extension), optionally only what is shown on one day
cli-convert-input = The file to read: any layer sitmap opens
cli-convert-output = The file to write; its extension picks the format: .geojson or .json, .kml, .csv
cli-convert-at = Write only what the map shows on this UTC day ("as of" the day: events that have happened, spans still on, timeless features)
cli-convert-window = With --at: only what falls in the DAYS days ending with that day
cli-bundle-about = Make a `.sitmap` bundle of a story and its layers, to share as one file
cli-bundle-story = The story (scenes) file
cli-bundle-out = The bundle to write, ending in .sitmap
cli-bundle-layers = The layer files, bottom of the drawing order first; without any, the layer files in the story's folder (the shipped story's own four)
cli-help-about = Print this message or the help of the given subcommand(s)

## The layer panel

layers-heading = Layers
layers-open = Open…
layers-open-tip = Open GeoJSON files (Ctrl+O), or drop them on the map
layers-loading = Loading { $file } ({ $mb } MB, { $secs } s)
layers-could-not-open = Could not open { $file }
layers-none-open = No layers open. Use Open… or drop GeoJSON files on the map.
layers-show-hide-tip = Show or hide this layer (right-click to edit it)
    { $path }
layers-edit = Edit this layer
layers-on-screen = { $count } on screen
layers-on-screen-tip = Features drawn in the current view
layers-on-screen-of = { $count } / { $total } on screen
layers-on-screen-of-tip = Features drawn in the current view / features in the layer
layers-close-tip = Close this layer
layers-down-tip = Move down (drawn below)
layers-up-tip = Move up (drawn on top)
layers-columns = Columns…
layers-csv-columns-tip = CSV columns: { $summary }
layers-opacity = opacity
layers-reload-failed = Reload failed; showing the last good version:
layers-problems = { $errors } errors, { $warnings } warnings
layers-time-none = none
layers-time-from = Time from
layers-time-automatic = automatic
layers-time-automatic-tip = A field named like a time whose values read as times
layers-time-none-always = none (always shown)
layers-time-from-tip = The property that puts this layer's features on the timeline
layers-problems-in = Problems in { $layer }
layers-error = error
layers-warning = warning
layers-and-more-verbose = … and { $count } more (sitmap check --verbose lists all)

## Status messages and notices

status-opened = Opened { $file } in { $secs } s
status-drawing = Drawing { $file }…
status-reloaded = Reloaded { $file }
status-kept-previous = { $file } is broken; keeping the last good version
status-no-open-dialog = Cannot show the open dialog: { $error }
status-copied = Copied { $text }
status-saved = Saved { $path } (the previous version is kept as .bak)
status-no-file-dialog = Cannot show the file dialog: { $error }
status-save-or-revert = { $name }: save or revert its edits first
status-edited-unsaved = The edited layer has unsaved edits: save or revert them first
status-story-not-saved = Not saved: { $error }
status-story-save-failed = Could not save { $path }: { $error }. Your edits are still here; try File > Save story as….
share-too-big = { $path } is too big to hold at once: it exports to GeoJSON only (streamed)
share-exported = Exported { $count ->
    [one] { $count } feature
   *[other] { $count } features
} to { $path }
share-export-failed = Could not export: { $error }
share-exporting = Exporting { $file } to { $path }…
share-bundle-saved = Saved the story and { $count ->
    [one] { $count } layer
   *[other] { $count } layers
} as { $path }
share-bundle-failed = Could not save the bundle: { $error }
notice-layer-recovered = Unsaved edits to the layer { $name } from last time were recovered; save the layer to keep them, or revert to drop them.
notice-layer-not-saved = The layer was not saved: { $error }. Your edits are still here.
notice-view-not-editable = { $path } is read a view at a time and cannot be edited here; edit an extract (`ogr2ogr -spat W S E N out.fgb { $path }`)
notice-story-gone = The story { $path } was open last time but is gone now.
notice-story-recovered = Unsaved edits to { $path } from last time were recovered; save the story to keep them, or revert to drop them.
notice-story-not-opened = The story could not be opened: { $error }
rings-this-feature = this feature
rings-round = Range rings round { $title }…
rings-here = Range rings here…
export-no-map = There is no map to export yet.
export-saved = Saved view to { $path }
export-failed = Could not save the view: { $error }

## First-start card, presentation slides

welcome-heading = sitmap: a situation map, day by day
welcome-dismiss = Got it
welcome-play = ▶ Play the timeline
welcome-present = Present the story
welcome-open = Open your own data…
welcome-play-how = day by day (Space); or drag the timeline to any day
welcome-present-how = full screen, scene by scene (F5; PageDown next, Esc leaves)
welcome-open-how = GeoJSON, CSV, KML or GPX (Ctrl+O, or drop files on the map)
welcome-f1 = F1 lists every key.
slide-approximate = Position approximate
slide-blank-hint = B to show the map
slide-keys-hint = PageDown / Space: next  ·  PageUp: back  ·  B: blank  ·  D: pen  ·  P: presenter window  ·  Esc: leave

## Dialogs

cancel = Cancel
about-title = About sitmap
about-text = sitmap: a situation map of the Americas, day by day.
about-sources = Data sources
about-coastlines = Coastlines, lakes and borders:
about-public-domain = (public domain).
about-cities = Cities:
about-online = Online basemaps, when chosen:
about-osm-contributors = © OpenStreetMap contributors
about-and = and
quit-heading = Save before quitting?
quit-unsaved = { $file } has unsaved edits.
quit-not-kept = They are not kept anywhere else: { $note }.
quit-save = Save and quit
quit-discard = Discard edits and quit
quit-the-layer = The layer { $layer } ({ $file })
quit-not-saved-yet = not saved yet
quit-the-story = The story { $path }
conflict-heading = The story file changed on disk
conflict-text = { $file } was saved by another program (or another sitmap window) since it was opened here. Saving now would replace those changes.
conflict-reload = Reload from disk
conflict-reload-tip = Drops the edits made here
conflict-overwrite = Overwrite
conflict-overwrite-tip = Replaces the file's changes
conflict-save-as = Save as another file…
new-layer-heading = New layer
new-layer-name = Layer name
new-layer-save-to = Save to (optional; a .geojson file)
new-layer-save-to-hint = asked on the first Save
new-layer-create = Create

## Scenes panel and presenter window

scenes-window = { $days } days to { $end }
scenes-no-story = No story is open. A story is a list of scenes: a view, a date and a caption each.
scenes-new-story = New story
scenes-story-title = Title:
scenes-unsaved = { $file } · unsaved
scenes-unsaved-tip = Unsaved edits are kept in a recovery copy if sitmap quits; Save writes the file.
scenes-not-kept = Not kept if sitmap quits or crashes ({ $problem }). Save to keep these edits.
scenes-save = Save
scenes-save-tip = Ctrl+S; the previous file is kept as .bak
scenes-save-as = Save as…
scenes-revert = Revert
scenes-revert-tip = Drop every unsaved edit
scenes-present-tip = F5; Esc leaves
scenes-add = + Add from view
scenes-add-tip = A new scene of what the map shows now: view, date, layers, selection
scenes-warnings = { $count } warnings
scenes-none = No scenes yet: set up the map, then Add from view.
scenes-scene = Scene { $number }
scenes-earlier = Earlier
scenes-earlier-tip = Move earlier
scenes-later = Later
scenes-later-tip = Move later
scenes-use-view = Use this view
scenes-use-view-tip = The scene takes the map's view, date and visible layers
scenes-delete = Delete
scenes-delete-tip = Remove the scene (Revert brings it back until you save)
scenes-editing-translation = Editing the { $language } text; empty fields show the story’s own.
scenes-title = Title
scenes-caption = Caption (**bold**, *italic*, [link](https://…))
scenes-notes = Speaker notes
scenes-highlighted = { $when } · { $count } highlighted
story-untranslated = The story has no { $language } text for { $count ->
    [one] scene { $scenes }
   *[other] scenes { $scenes }
}; shown in its own language.
presenter-no-notes = (no notes for this scene)
presenter-scene-of = Scene { $number } of { $count }
presenter-no-scene = No scene yet: press PageDown to begin.
presenter-show = Show
presenter-blank = Blank
story-untranslated-all = The story has no { $language } text; it is shown in its own language.
lang-en = English
lang-es = Spanish
lang-pt-BR = Brazilian Portuguese

## Range rings, layer export and place search

compass-n = N
compass-s = S
compass-e = E
compass-w = W
rings-dialog-round = Round { $place }
rings-dialog-round-named = Round { $name } ({ $place })
rings-dialog-radii = Radii
rings-dialog-rings-at = Rings at { $radii }
rings-dialog-add = Add rings
export-layer-title = Export layer
export-layer-none = No layers are open.
export-layer-layer = Layer
export-layer-format = Format
export-layer-only-shown = Only what is shown on { $day }
export-layer-export = Export…
menu-file-export-video = Export video…
video-title = Export video
video-what = What
video-story = The story (every scene)
video-range = A date range
video-from = From
video-to = To
video-size = Size
video-custom = Custom
video-fps = Frames per second
video-format-label = Format
video-mp4 = MP4 (H.264)
video-gif = GIF
video-file = File
video-choose = Choose…
video-choose-title = Export the video as
video-export = Export
video-note = Drawn from the files as saved, as in presentation mode.
video-preparing = Preparing the first frame…
video-progress = Frame { $done } of { $total } · about { $left } s left
video-written = Written: { $path }
video-failed = The video was not written: { $reason }
video-cancelled = Cancelled; the unfinished file was removed.
video-no-path = Choose the file to write.
video-bad-size = { $size } pixels is not a video size: each side from { $min } to { $max }
video-bad-date = { $date } is not a date (YYYY-MM-DD): { $reason }
video-no-story = No story is open: open one (Story › Open story…) or choose a date range.
search-find = Find
search-hint = a place or a feature
search-nothing = Nothing found
search-keys = Up/Down: choose · Enter: go there · Esc: close
search-country = Country
search-capital = Capital
search-city = City

## F1: the keys (held equal to src/ui/keys.rs's KEYMAP, row by row, by a test)

keymap-keys-1 = Arrow keys
keymap-does-1 = Pan the map (with dated layers: Up/Down and Shift+arrows)
keymap-keys-2 = Left / Right
keymap-does-2 = One day back / on (with dated layers)
keymap-keys-3 = PageUp / PageDown
keymap-does-3 = Previous / next event (what presentation clickers send)
keymap-keys-4 = Home / End
keymap-does-4 = First / last date
keymap-keys-5 = Space
keymap-does-5 = Play or pause the timeline
keymap-keys-6 = + / −
keymap-does-6 = Zoom in / out
keymap-keys-7 = Mouse wheel, pinch
keymap-does-7 = Zoom at the pointer
keymap-keys-8 = Drag
keymap-does-8 = Pan the map
keymap-keys-9 = H
keymap-does-9 = Home: the whole Americas
keymap-keys-10 = 1 … 5
keymap-does-10 = Views: Americas, Caribbean, Mexico, Venezuela & Colombia, Eastern Pacific
keymap-keys-11 = Ctrl+O
keymap-does-11 = Open GeoJSON layers (or drop files on the map)
keymap-keys-12 = Ctrl+E
keymap-does-12 = Save the map view as a PNG (in Pictures/sitmap)
keymap-keys-13 = F5
keymap-does-13 = Present the story (Esc leaves)
keymap-keys-14 = In a presentation
keymap-does-14 = PageDown, Space, Right, Down or click: next scene · PageUp, Left, Up or right-click: back · Home/End · B: blank · P: presenter window
keymap-keys-15 = D / E / K (presenting)
keymap-does-15 = Pen: draw on the slide with the mouse or a tablet · erase the pen's strokes · keep them as the scene's annotations (a scene change clears them)
keymap-keys-16 = Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y
keymap-does-16 = Undo / redo an edit of the edited layer
keymap-keys-17 = Ctrl+S (editing)
keymap-does-17 = Save the edited layer
keymap-keys-18 = V, P, L, G, R (editing)
keymap-does-18 = Tools: select and move, point, line, polygon, range ring
keymap-keys-19 = Enter / Esc (editing)
keymap-does-19 = Finish / cancel the line or polygon being drawn
keymap-keys-20 = Delete (editing)
keymap-does-20 = Delete the selected feature
keymap-keys-21 = M
keymap-does-21 = Measure: click places for geodesic distances (km, nm) and bearings
keymap-keys-22 = C
keymap-does-22 = Compare the timeline's day (B) with a month before (A); again to leave (View › Compare dates…)
keymap-keys-23 = [ / ]
keymap-does-23 = Comparing: date A a day back / on (the timeline moves B)
keymap-keys-24 = Ctrl+F
keymap-does-24 = Find a place (countries, capitals, cities) or a feature by its title; Enter flies there
keymap-keys-25 = Backspace / Esc (measuring)
keymap-does-25 = Remove the last measured place / stop measuring
keymap-keys-26 = Ctrl+S
keymap-does-26 = Save the story
keymap-keys-27 = S
keymap-does-27 = Show or hide the scenes panel
keymap-keys-28 = Click
keymap-does-28 = Select a feature: its details, sources and coordinates
keymap-keys-29 = Esc
keymap-does-29 = Deselect
keymap-keys-30 = F1
keymap-does-30 = This list
keymap-keys-31 = Ctrl+Q
keymap-does-31 = Quit
presenter-elapsed = { $time } elapsed
presenter-next = Next ▶
presenter-back = ◀ Back
presenter-next-scene = Next: { $title }
presenter-last-scene = Last scene
share-no-story = Open or make a story first: a bundle is a story and its layers.
share-layer-closed = The layer was closed before it could be exported.
share-story-closed = The story was closed before it could be saved.

## Editing a layer

edit-heading = Editing { $layer }
edit-saves-to = Saves to { $path }
edit-from-source = From { $path }: saves as a new GeoJSON file, never over it
edit-not-saved = Not saved yet: Save asks where
edit-unsaved = Unsaved edits
edit-undo = Undo
edit-redo = Redo
edit-save = Save layer
edit-save-as = Save layer as…
edit-stop = Stop editing
edit-select-a-feature = Select a feature of this layer, or draw one, to edit it.
edit-description = Description
edit-delete-feature = Delete feature
edit-dates-help = Dates: YYYY-MM-DD, or a date-time with Z or an offset; end may be `ongoing`
edit-start = Start
edit-end = End
edit-number-range = { $key } must be a number from { $from } to { $to }
edit-location = Location
edit-location-not-said = not said
edit-location-exact = exact
edit-location-approximate = approximate
edit-uncertainty-km = Uncertainty (km)
edit-range-rings-km = Range rings (km): { $radii }
edit-range-ring-km = Range ring (km)
edit-sources = Sources
edit-source-title = Source title
edit-source-url = URL
edit-source-published = Published
edit-url-not-web = The URL must be a web address (https://…)
edit-remove-source = Remove source
edit-add-source = + Add source
edit-colour = Colour
edit-colour-invalid = a colour is #rrggbb or #rgb
edit-tool-select = Select
edit-tool-point = Point
edit-tool-line = Line
edit-tool-polygon = Polygon
edit-tool-circle = Range ring
edit-tool-select-hint = Click a feature to edit it; drag it or its vertices to move them
edit-tool-point-hint = Click the map to place a point
edit-tool-line-hint = Click each vertex; double-click or Enter to finish, Esc to cancel
edit-tool-polygon-hint = Click each corner; double-click or Enter to finish, Esc to cancel
edit-tool-circle-hint = Click the centre, then a point on the ring

## CSV columns

csv-title = Columns of { $layer }
csv-guessed = Guessed: { $summary }
csv-latitude = Latitude
csv-longitude = Longitude
csv-geometry = Geometry (WKT)
csv-start = Start date
csv-end = End date
csv-dates-like = Dates like 03/04/2025
csv-as-guessed = as guessed
csv-day-month = day/month
csv-month-day = month/day
csv-first-rows = First rows, as they would read
csv-apply = Apply
csv-reset = Reset to the guess
csv-as-guessed-column = as guessed ({ $column })
csv-as-guessed-none = as guessed (none)
csv-position = position
csv-start-column = start

## Compare, servers and annotations (menus)
menu-view-compare = Compare dates…
menu-view-compare-tip = Two dates side by side, or only what changed between them
menu-view-compare-split = Compare side by side
menu-view-compare-changes = Compare: what changed
menu-view-compare-stop = Stop comparing
menu-file-open-server = Open from server…
menu-file-open-server-tip = A layer from an OGC API – Features server
menu-tools-annotate = Annotate
annotate-arrow = Arrow
annotate-text = Text callout
annotate-freehand = Freehand
annotate-arrow-tip = Drag from the tail to the head (or click, then click)
annotate-text-tip = Click the place, type the text, Enter
annotate-freehand-tip = Drag to draw
annotate-stop = Stop annotating
annotate-remove-last = Remove the scene's last annotation
