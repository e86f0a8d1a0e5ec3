//! Layers from OGC API – Features servers in the window: File › Open from
//! server…'s dialog (the endpoint typed, its collections listed off the UI
//! thread), and each server layer's [`Feed`], told every frame what the map
//! shows and when, whose answers enter the workspace as a file's loads do
//! (`Workspace::apply`: a failure keeps what was shown). The dialog is drawn
//! by `ui::server_dialog`.
//!
//! A server layer's `path` is its collection's address: problems read
//! `http://host/collections/events:feature 3 (id e7): …`, the panel's tooltip
//! shows where it comes from, and the session keeps it apart from files.

use super::SitmapApp;
use super::layers::LayerSession;
use crate::ogc::{
    Client, ClientOptions, Collection, Endpoint, Feed, FeedStatus, OgcError, ViewRequest,
};
use crate::state::ServerCommand;
use crate::workspace::ServerLine;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Instant;

type Listing = Receiver<Result<(Endpoint, Vec<Collection>), OgcError>>;

/// The dialog's state.
#[derive(Default)]
pub struct ServerDialog {
    /// What the user typed.
    pub url: String,
    /// Listing under way, since when.
    pub listing: Option<(Listing, Instant)>,
    /// The endpoint listed and its feature collections.
    pub listed: Option<(Endpoint, Vec<Collection>)>,
    /// The collection the address named (`…/collections/lakes`), to preselect.
    pub hint: Option<String>,
    pub selected: Option<usize>,
    pub error: Option<String>,
    /// Frames drawn: a new egui window's first frame only measures it, so
    /// the next is asked for, or it would appear at the next mouse move.
    frames: u8,
}

#[derive(Default)]
pub struct ServerSession {
    pub dialog: Option<ServerDialog>,
    /// Made on first use: nothing touches the network until the user asks.
    client: Option<Client>,
    pub options: ClientOptions,
    /// Layers to reopen (the last session's): their collections being listed.
    reopening: Vec<(Listing, String)>,
}

impl ServerSession {
    pub fn new(options: ClientOptions) -> Self {
        Self {
            options,
            ..Self::default()
        }
    }

    fn client(&mut self) -> Result<Client, OgcError> {
        if let Some(client) = &self.client {
            return Ok(client.clone());
        }
        let client = Client::new(self.options)?;
        self.client = Some(client.clone());
        Ok(client)
    }

    /// Lists `text`'s collections on a thread of its own.
    fn list(
        &mut self,
        ctx: &egui::Context,
        text: &str,
    ) -> Result<(Listing, Option<String>), OgcError> {
        let (endpoint, hint) = Endpoint::parse(text)?;
        let client = self.client()?;
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("sitmap-ogc-list".into())
            .spawn(move || {
                let listed =
                    crate::ogc::list_collections(&client, &endpoint).map(|list| (endpoint, list));
                sender.send(listed).ok();
                ctx.request_repaint();
            })
            .map_err(|e| OgcError::Unreachable {
                url: text.to_owned(),
                reason: format!("cannot start a thread: {e}"),
            })?;
        Ok((receiver, hint))
    }
}

impl LayerSession {
    /// Opens `collection` of `endpoint` as a layer (nothing happens if it is
    /// open already); its first request goes with the next frame.
    pub fn open_server(
        &mut self,
        ctx: &egui::Context,
        endpoint: Endpoint,
        collection: Collection,
        client: Client,
    ) {
        let name = endpoint.layer_name(&collection.id);
        if self.feeds.iter().any(|f| f.name() == name) {
            return;
        }
        let ctx = ctx.clone();
        let wake = Arc::new(move || ctx.request_repaint());
        self.feeds.push(Feed::new(
            endpoint,
            collection,
            client,
            crate::ogc::Caps::default(),
            wake,
        ));
    }

    /// Tells every feed the current view and time, takes in their answers
    /// and copies their status into the panel's lines. Once a frame.
    /// `start_at` is the day the timeline will open on (`--date`, the last
    /// session's), for a first request made before there is a timeline.
    pub fn update_servers(
        &mut self,
        ctx: &egui::Context,
        request: Option<ViewRequest>,
        start_at: Option<crate::layers::Day>,
    ) {
        let now = Instant::now();
        let mut done = Vec::new();
        for (index, feed) in self.feeds.iter_mut().enumerate() {
            // No timeline yet (this layer will bring it): ask for the day it
            // will open on, as of its end (the asked day, else the
            // collection's last day), not for every time the server holds,
            // which would be fetched only to be asked again.
            let request = request.map(|mut r| {
                if r.time.is_none() {
                    let last = feed.collection.days.and_then(|(_, last)| last);
                    r.time = start_at.or(last).map(crate::layers::TimeFilter::as_of);
                }
                r
            });
            if let Some(request) = &request
                && let Some(after) = feed.want(request, now)
            {
                ctx.request_repaint_after(after);
            }
            if let Some(answer) = feed.poll() {
                done.push((index, answer));
            }
            if feed.is_loading() {
                // The panel's seconds keep counting.
                ctx.request_repaint_after(std::time::Duration::from_millis(250));
            }
        }
        for (index, answer) in done {
            let feed = &self.feeds[index];
            let path = PathBuf::from(feed.name());
            let order = match self.workspace.position(&path) {
                Some(at) => self.workspace.layers[at].order,
                None => self.loader.take_order(),
            };
            let mut report = answer.report;
            if let Some(layer) = &mut report.layer {
                layer.name = feed.collection.title.clone();
            }
            let applied = self.workspace.apply(&path, report, order);
            if applied == crate::workspace::Applied::Opened {
                let title = feed.collection.title.as_str();
                self.status = Some(crate::said!("server-opened", title = title));
            }
        }
        for feed in &self.feeds {
            let path = PathBuf::from(feed.name());
            match self.workspace.position(&path) {
                Some(at) => {
                    self.workspace.layers[at].server = Some(ServerLine {
                        status: feed.status.clone(),
                        days: feed.collection.days,
                        query: feed.shown_query(),
                    });
                }
                // Not on the map yet: a failure is shown as a file's is.
                None => {
                    if let FeedStatus::Failed { message } = &feed.status
                        && !self
                            .workspace
                            .failed
                            .iter()
                            .any(|(p, m)| *p == path && m == message)
                    {
                        self.workspace.failed.retain(|(p, _)| *p != path);
                        self.workspace.failed.push((path, message.clone()));
                    }
                }
            }
        }
    }

    /// Server layers not on the map yet that are being asked for, with the
    /// seconds since, for the panel's "Loading" lines.
    pub fn servers_loading(&self) -> Vec<(PathBuf, f32)> {
        self.feeds
            .iter()
            .filter(|f| f.is_loading())
            .map(|f| PathBuf::from(f.name()))
            .filter(|path| self.workspace.position(path).is_none())
            .map(|path| {
                let secs = self
                    .feeds
                    .iter()
                    .find(|f| f.name().as_str() == path.to_string_lossy())
                    .and_then(|f| match f.status {
                        FeedStatus::Loading { since } => Some(since.elapsed().as_secs_f32()),
                        _ => None,
                    })
                    .unwrap_or(0.0);
                (path, secs)
            })
            .collect()
    }

    /// Stops fetching for the layer at `path` (closed or dismissed).
    pub fn drop_feed(&mut self, path: &Path) {
        self.feeds.retain(|f| Path::new(&f.name()) != path);
    }

    pub fn feed_mut(&mut self, path: &Path) -> Option<&mut Feed> {
        self.feeds.iter_mut().find(|f| Path::new(&f.name()) == path)
    }

    pub fn is_server_layer(&self, path: &Path) -> bool {
        self.feeds.iter().any(|f| Path::new(&f.name()) == path)
    }

    /// No server request under way or waiting for the view to settle.
    pub fn servers_idle(&self) -> bool {
        self.feeds
            .iter()
            .all(|f| !f.is_loading() && !f.is_waiting())
    }

    /// The open server layers as the session keeps them, bottom to top.
    pub fn server_layers(&self) -> Vec<(String, String)> {
        let mut layers: Vec<(usize, (String, String))> = self
            .feeds
            .iter()
            .map(|f| {
                let at = self
                    .workspace
                    .position(Path::new(&f.name()))
                    .unwrap_or(usize::MAX);
                (
                    at,
                    (f.endpoint.as_str().to_owned(), f.collection.id.clone()),
                )
            })
            .collect();
        layers.sort_by_key(|(at, _)| *at);
        layers.into_iter().map(|(_, layer)| layer).collect()
    }
}

impl SitmapApp {
    /// What the server layers need from this frame: the map's view (not cut
    /// at the antimeridian) and the timeline's filter; `None` before the map
    /// is laid out.
    fn view_request(&self) -> Option<ViewRequest> {
        let rect = self.map_rect?;
        let view = crate::view::visible_span(
            self.state.center(),
            self.state.memory.zoom(),
            rect.width(),
            rect.height(),
        );
        Some(ViewRequest {
            view,
            time: self.time.state.as_ref().map(|t| t.filter()),
        })
    }

    /// Once a frame: the dialog's listing, layers being reopened, the feeds.
    pub(super) fn update_servers(&mut self, ctx: &egui::Context) {
        if let Some(dialog) = &mut self.servers.dialog
            && let Some((receiver, _)) = &dialog.listing
            && let Ok(listed) = receiver.try_recv()
        {
            dialog.listing = None;
            match listed {
                Ok((endpoint, collections)) => {
                    dialog.error = collections
                        .is_empty()
                        .then(|| format!("{} lists no feature collections", endpoint.as_str()));
                    dialog.selected = dialog
                        .hint
                        .as_ref()
                        .and_then(|hint| collections.iter().position(|c| &c.id == hint))
                        .or((collections.len() == 1).then_some(0));
                    dialog.listed = Some((endpoint, collections));
                }
                Err(e) => dialog.error = Some(e.to_string()),
            }
        }
        let mut reopened = Vec::new();
        self.servers
            .reopening
            .retain(|(receiver, id)| match receiver.try_recv() {
                Ok(listed) => {
                    reopened.push((listed, id.clone()));
                    false
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => true,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
            });
        for (listed, id) in reopened {
            match listed {
                Ok((endpoint, collections)) => match collections.into_iter().find(|c| c.id == id) {
                    Some(collection) => {
                        if let Ok(client) = self.servers.client() {
                            self.layers.open_server(ctx, endpoint, collection, client);
                        }
                    }
                    None => self.state.notices.push(crate::t!(
                        "server-gone",
                        endpoint = endpoint.as_str(),
                        id = id.as_str()
                    )),
                },
                Err(e) => self
                    .state
                    .notices
                    .push(crate::t!("server-not-reopened", reason = e.to_string())),
            }
        }
        let request = self.view_request();
        let start_at = self.time.start_at;
        self.layers.update_servers(ctx, request, start_at);
    }

    /// Reopens the server layers of the last session (their collections are
    /// listed first, for their titles and extents).
    pub(super) fn reopen_servers(&mut self, ctx: &egui::Context, layers: Vec<(String, String)>) {
        for (endpoint, id) in layers {
            match self.servers.list(ctx, &endpoint) {
                Ok((receiver, _)) => self.servers.reopening.push((receiver, id)),
                Err(e) => self
                    .state
                    .notices
                    .push(crate::t!("server-not-reopened", reason = e.to_string())),
            }
        }
    }

    pub(super) fn server_command(&mut self, ctx: &egui::Context, command: ServerCommand) {
        match command {
            ServerCommand::ShowDialog => {
                self.servers
                    .dialog
                    .get_or_insert_with(ServerDialog::default);
            }
            ServerCommand::CloseDialog => self.servers.dialog = None,
            ServerCommand::List(text) => {
                let listed = self.servers.list(ctx, &text);
                let dialog = self
                    .servers
                    .dialog
                    .get_or_insert_with(ServerDialog::default);
                dialog.url = text;
                dialog.listed = None;
                dialog.selected = None;
                match listed {
                    Ok((receiver, hint)) => {
                        dialog.error = None;
                        dialog.hint = hint;
                        dialog.listing = Some((receiver, Instant::now()));
                    }
                    Err(e) => {
                        dialog.error = Some(e.to_string());
                        dialog.listing = None;
                    }
                }
            }
            ServerCommand::Open(index) => {
                let Some(dialog) = self.servers.dialog.take() else {
                    return;
                };
                let Some((endpoint, collections)) = dialog.listed else {
                    return;
                };
                let Some(collection) = collections.into_iter().nth(index) else {
                    return;
                };
                match self.servers.client() {
                    Ok(client) => self.layers.open_server(ctx, endpoint, collection, client),
                    Err(e) => self.state.notices.push(e.to_string()),
                }
            }
        }
    }

    /// The dialog, when open.
    pub(super) fn server_window(&mut self, ctx: &egui::Context) -> Option<ServerCommand> {
        let dialog = self.servers.dialog.as_mut()?;
        if dialog.frames < 2 {
            dialog.frames += 1;
            ctx.request_repaint();
        }
        let view = crate::ui::server_dialog::DialogView {
            listing_secs: dialog
                .listing
                .as_ref()
                .map(|(_, since)| since.elapsed().as_secs_f32()),
            error: dialog.error.as_deref(),
            listed: dialog
                .listed
                .as_ref()
                .map(|(e, c)| (e.as_str(), c.as_slice())),
        };
        if view.listing_secs.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
        crate::ui::server_dialog::server_dialog(ctx, &mut dialog.url, &mut dialog.selected, &view)
    }
}
