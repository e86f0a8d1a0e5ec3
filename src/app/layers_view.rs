//! The layers read a view at a time (big FlatGeobuf files, `view_feed`):
//! asking each for the map's box once it has rested, and taking in the
//! answers, with the selection following its feature across a re-read.

use super::LayerSession;
use crate::layers::Feature;
use crate::overlay::plugin::FeatureRef;
use crate::view_feed::ViewFeed;

/// The same feature in another read of a file (a view read again).
fn same_feature(a: &Feature, b: &Feature) -> bool {
    a.bbox() == b.bbox() && a.id() == b.id() && a.title() == b.title() && a.extent == b.extent
}

impl LayerSession {
    /// Reads FlatGeobuf files from this size by view (tests use small ones).
    pub fn set_view_threshold(&mut self, threshold: crate::view_feed::Threshold) {
        self.loader.set_view_threshold(threshold);
    }

    /// Asks the layers read by view for `view`'s features once it has
    /// rested, and takes in the answers that came: called every frame
    /// with the map's box.
    pub fn follow_view(&mut self, ctx: &egui::Context, view: crate::view::LonLatBox) {
        let now = std::time::Instant::now();
        self.view_pending = false;
        for feed in self.view_feeds.values_mut() {
            if let Some(wait) = feed.follow(view, now) {
                self.view_pending = true;
                ctx.request_repaint_after(wait);
            }
        }
        self.take_views();
    }

    /// Answers of the view reads, into their layers; a selection in a
    /// layer whose features changed follows its feature when it is still
    /// there.
    pub(super) fn take_views(&mut self) {
        for (path, feed) in &mut self.view_feeds {
            let Some(index) = self.workspace.position(path) else {
                continue;
            };
            if let Some(answer) = feed.poll() {
                let before = self.selected.filter(|s| s.layer == index).and_then(|s| {
                    self.workspace.layers[index]
                        .layer
                        .features()
                        .get(s.feature)
                        .cloned()
                });
                if self.workspace.apply_view(path, answer) {
                    let layer = &self.workspace.layers[index].layer;
                    if self.hovered.is_some_and(|h| h.layer == index) {
                        self.hovered = None;
                    }
                    if let Some(before) = before {
                        self.selected = layer
                            .features()
                            .iter()
                            .position(|f| same_feature(f, &before))
                            .map(|feature| FeatureRef {
                                layer: index,
                                feature,
                            });
                    }
                    self.listed.retain(|f| f.layer != index);
                }
            }
            if let Some(status) = &mut self.workspace.layers[index].view {
                status.reading = feed.is_reading();
            }
        }
    }

    /// Starts reading `path` by view when it opened as an index, or stops
    /// (a file that shrank under the threshold loads whole).
    pub(super) fn start_feed(
        &mut self,
        ctx: &egui::Context,
        path: &std::path::Path,
        view: Option<std::sync::Arc<crate::layers::FgbIndex>>,
    ) {
        self.view_feeds.remove(path);
        let Some(index) = view else {
            self.workspace.set_view(path, None);
            return;
        };
        let count = index.count();
        let options = self.loader.options(path);
        let cap = self.loader.view_threshold().cap;
        match ViewFeed::new(ctx.clone(), index, options, cap) {
            Ok(feed) => {
                self.view_feeds.insert(path.to_path_buf(), feed);
                self.workspace.set_view(path, Some(count));
            }
            Err(e) => {
                let path = path.display().to_string();
                let reason = e.to_string();
                self.status = Some(crate::said!(
                    "view-cannot-read",
                    path = path,
                    reason = reason
                ));
            }
        }
    }
}
