//! Drawing egui frames with wgpu into a texture, with no window: the engine of
//! `sitmap render`. Modelled on egui_kittest's wgpu renderer.
//!
//! A [`Gpu`] is the device, opened once per process; an [`Offscreen`] is one
//! egui context drawing at a fixed size and 1 pixel per point, with its own
//! texture set. Every frame's textures delta is applied as it comes (tiles
//! arrive over many frames), but only the frame to keep is drawn and read
//! back ([`Offscreen::capture`]).

use super::Rgba8;
use super::damage::{self, Damage};
use eframe::egui_wgpu::{self, wgpu};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use thiserror::Error;

/// How long the device may take to finish one frame; a software rasterizer on
/// two busy cores needs a few seconds for a large one.
const WAIT_TIMEOUT: Duration = Duration::from_secs(30);

/// Why an offscreen frame could not be drawn.
#[derive(Debug, Error)]
pub enum OffscreenError {
    #[error(
        "no graphics adapter: install mesa-vulkan-drivers (software Vulkan) or a graphics driver ({0})"
    )]
    NoAdapter(String),
    #[error("the graphics device could not be opened: {0}")]
    Device(String),
    #[error(
        "{width}x{height} pixels is larger than the graphics device can draw (at most {max} a side)"
    )]
    TooLarge { width: u32, height: u32, max: u32 },
    #[error("the graphics device failed while drawing: {0}")]
    Render(String),
    #[error("the drawn frame could not be read back from the graphics device: {0}")]
    Readback(String),
}

/// The graphics device, shared by every frame of a process.
pub struct Gpu {
    device: wgpu::Device,
    queue: wgpu::Queue,
    format: wgpu::TextureFormat,
    /// What the device reported outside any call (validation errors): wgpu
    /// would panic on them; they are turned into [`OffscreenError::Render`].
    errors: Arc<Mutex<Vec<String>>>,
}

impl Gpu {
    /// Opens a device with no surface, preferring a software rasterizer (the
    /// same pixels on every machine), else any adapter. Vulkan, Metal and
    /// DirectX come first; OpenGL only without them. `WGPU_BACKEND` overrides
    /// both.
    pub fn new() -> Result<Self, OffscreenError> {
        if std::env::var_os("WGPU_BACKEND").is_none()
            && let Ok(gpu) = Self::open(Some(wgpu::Backends::PRIMARY))
        {
            return Ok(gpu);
        }
        Self::open(None)
    }

    fn open(backends: Option<wgpu::Backends>) -> Result<Self, OffscreenError> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        if let Some(backends) = backends {
            setup.instance_descriptor.backends = backends;
        }
        setup
            .instance_descriptor
            .backends
            .remove(wgpu::Backends::BROWSER_WEBGPU);
        setup.native_adapter_selector = Some(Arc::new(|adapters, _surface| {
            let mut adapters: Vec<_> = adapters.iter().collect();
            adapters.sort_by_key(|a| {
                let info = a.get_info();
                let device = match info.device_type {
                    wgpu::DeviceType::Cpu => 0,
                    wgpu::DeviceType::DiscreteGpu => 1,
                    wgpu::DeviceType::IntegratedGpu
                    | wgpu::DeviceType::VirtualGpu
                    | wgpu::DeviceType::Other => 2,
                };
                let backend = match info.backend {
                    wgpu::Backend::Vulkan | wgpu::Backend::Metal | wgpu::Backend::Dx12 => 0,
                    wgpu::Backend::Gl => 1,
                    wgpu::Backend::BrowserWebGpu | wgpu::Backend::Noop => 2,
                };
                (device, backend)
            });
            adapters
                .into_iter()
                .find(|a| a.get_info().backend != wgpu::Backend::Noop)
                .cloned()
                .ok_or_else(|| "none was found".to_owned())
        }));
        let setup = egui_wgpu::WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let config = egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        };
        let state = pollster::block_on(egui_wgpu::RenderState::create(
            &config,
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|e| match e {
            egui_wgpu::WgpuError::RequestAdapterError(e) => {
                OffscreenError::NoAdapter(e.to_string())
            }
            egui_wgpu::WgpuError::CustomNativeAdapterSelectionError(e) => {
                OffscreenError::NoAdapter(e)
            }
            other => OffscreenError::Device(other.to_string()),
        })?;
        let errors = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&errors);
        state
            .device
            .on_uncaptured_error(Arc::new(move |error: wgpu::Error| {
                if let Ok(mut errors) = sink.lock() {
                    errors.push(error.to_string());
                }
            }));
        log::info!("offscreen rendering on {:?}", state.adapter.get_info());
        Ok(Self {
            device: state.device,
            queue: state.queue,
            format: state.target_format,
            errors,
        })
    }

    /// The largest width or height a frame may have.
    pub fn max_side(&self) -> u32 {
        let limits = self.device.limits();
        // The read-back buffer holds the whole frame at 4 bytes a pixel.
        let by_buffer = ((limits.max_buffer_size / 4) as f64).sqrt() as u32;
        limits.max_texture_dimension_2d.min(by_buffer)
    }

    /// The first error the device reported since the last call, if any.
    fn take_error(&self) -> Option<String> {
        let mut errors = self.errors.lock().ok()?;
        let first = errors.first().cloned();
        errors.clear();
        first
    }

    fn wait(&self, submission: wgpu::SubmissionIndex) -> Result<(), String> {
        self.device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(submission),
                timeout: Some(WAIT_TIMEOUT),
            })
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// How an [`Offscreen`] samples textures and rounds colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fidelity {
    /// egui's predictable filtering (four texel loads a pixel, done in the
    /// shader) and no dithering: the same pixels on any device, for the PNG
    /// slides and their snapshot tests.
    Predictable,
    /// The device's own bilinear filtering, no dithering. On a software
    /// rasterizer the predictable shader is most of a frame's cost; a video
    /// (hundreds of frames, compressed with loss anyway) draws this way.
    Fast,
}

impl Fidelity {
    fn renderer_options(self) -> egui_wgpu::RendererOptions {
        match self {
            Self::Predictable => egui_wgpu::RendererOptions::PREDICTABLE,
            Self::Fast => egui_wgpu::RendererOptions {
                dithering: false,
                predictable_texture_filtering: false,
                ..egui_wgpu::RendererOptions::PREDICTABLE
            },
        }
    }
}

/// How many frames [`Offscreen::capture_changed`] drew whole, drew in part,
/// and found unchanged.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DrawCounts {
    pub whole: usize,
    pub part: usize,
    pub unchanged: usize,
}

/// One egui context drawing offscreen at a fixed size, 1 pixel per point.
pub struct Offscreen<'g> {
    gpu: &'g Gpu,
    renderer: egui_wgpu::Renderer,
    ctx: egui::Context,
    size: [u32; 2],
    /// The target texture and its read-back buffer, made at the first
    /// capture and drawn into by every later one.
    target: Option<Target>,
    /// What the last [`Self::capture_changed`] drew, to tell a frame that
    /// would give the same pixels; cleared by any other drawing.
    last_drawn: Option<(Vec<egui::epaint::ClippedShape>, egui::Color32)>,
    /// A texture was set or freed since the last capture.
    textures_changed: bool,
    counts: DrawCounts,
    /// Frame time, advanced by a fixed step: the same frames give the same pixels.
    time: f64,
    step: f32,
    /// Textures the last frame freed, freed at the next.
    to_free: Vec<egui::TextureId>,
}

impl<'g> Offscreen<'g> {
    /// A fresh context (and texture set) drawing frames of `size` pixels,
    /// each `step` seconds after the last.
    pub fn new(gpu: &'g Gpu, size: [u32; 2], step: Duration) -> Result<Self, OffscreenError> {
        Self::with_fidelity(gpu, size, step, Fidelity::Predictable)
    }

    /// As [`Self::new`], drawing with `fidelity`.
    pub fn with_fidelity(
        gpu: &'g Gpu,
        size: [u32; 2],
        step: Duration,
        fidelity: Fidelity,
    ) -> Result<Self, OffscreenError> {
        let max = gpu.max_side();
        let [width, height] = size;
        if width == 0 || height == 0 || width > max || height > max {
            return Err(OffscreenError::TooLarge { width, height, max });
        }
        let renderer =
            egui_wgpu::Renderer::new(&gpu.device, gpu.format, fidelity.renderer_options());
        Ok(Self {
            gpu,
            renderer,
            ctx: egui::Context::default(),
            size,
            target: None,
            last_drawn: None,
            textures_changed: true,
            counts: DrawCounts::default(),
            time: 0.0,
            step: step.as_secs_f32(),
            to_free: Vec::new(),
        })
    }

    pub fn ctx(&self) -> &egui::Context {
        &self.ctx
    }

    /// Starts the next frame on a fresh font atlas. Glyphs are placed in the
    /// atlas in the order text first appears, which differs from run to run
    /// while files and tiles arrive, and a glyph's neighbours there can tint
    /// its edges; after a reload the order is that of one settled frame, the
    /// same every time.
    pub fn reload_fonts(&self) {
        // Any font setting change rebuilds the fonts; this one is set back
        // before the next frame runs, and no text is drawn in between.
        self.ctx
            .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Panic);
        self.ctx
            .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    }

    /// Sets the frame time between the next frames; a video holds it at
    /// zero while tiles are still being drawn, so waiting moves nothing.
    pub fn set_step(&mut self, step: Duration) {
        self.step = step.as_secs_f32();
    }

    /// Seconds of frame time so far.
    pub fn time(&self) -> f64 {
        self.time
    }

    /// The input of the next frame: the whole screen, 1 pixel per point, no
    /// pointer, the frame time one step on.
    fn raw_input(&mut self) -> egui::RawInput {
        self.time += f64::from(self.step);
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(self.size[0] as f32, self.size[1] as f32),
            )),
            time: Some(self.time),
            predicted_dt: self.step,
            focused: true,
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(1.0);
            viewport.focused = Some(true);
        }
        input
    }

    /// Runs one frame of `ui` and keeps its textures; returns what it drew.
    pub fn run(&mut self, ui: impl FnMut(&mut egui::Ui)) -> egui::FullOutput {
        let input = self.raw_input();
        let mut output = self.ctx.run_ui(input, ui);
        // egui frees a frame's textures after painting it: the last frame's
        // now, this frame's only once it can no longer be captured.
        for id in self.to_free.drain(..) {
            self.renderer.free_texture(&id);
        }
        let delta = &mut output.textures_delta;
        self.textures_changed |= !delta.set.is_empty() || !delta.free.is_empty();
        for (id, images) in delta.set.drain() {
            for image in &images {
                self.renderer
                    .update_texture(&self.gpu.device, &self.gpu.queue, id, image);
            }
        }
        self.to_free.extend(delta.free.drain());
        output
    }

    /// As [`Self::capture`], but `None` when the frame would have the last
    /// capture's pixels (the same shapes on the same background, and no
    /// texture set or freed since), and drawing only the part of the screen
    /// where the shapes differ ([`damage::between`]) when that is all that
    /// changed. A video's held scene is hundreds of such frames, and each
    /// whole frame drawn on a software rasterizer costs about 100 ms.
    pub fn capture_changed(
        &mut self,
        output: &egui::FullOutput,
        background: egui::Color32,
    ) -> Result<Option<Rgba8>, OffscreenError> {
        let screen = egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(self.size[0] as f32, self.size[1] as f32),
        );
        let damage = match &self.last_drawn {
            Some((shapes, drawn_on))
                if !self.textures_changed && *drawn_on == background && self.target.is_some() =>
            {
                damage::between(shapes, &output.shapes, screen)
            }
            _ => Damage::All,
        };
        let part = match damage {
            Damage::None => {
                self.counts.unchanged += 1;
                return Ok(None);
            }
            Damage::Part(part) => {
                self.counts.part += 1;
                Some(part)
            }
            Damage::All => {
                self.counts.whole += 1;
                None
            }
        };
        let image = self.draw(output, background, part)?;
        // Only what this method compares against is kept: a PNG's
        // `capture` does not pay for a copy of its shapes.
        self.last_drawn = Some((output.shapes.clone(), background));
        Ok(Some(image))
    }

    /// What [`Self::capture_changed`] has done so far.
    pub fn counts(&self) -> DrawCounts {
        self.counts
    }

    /// Draws `output` (from the last [`Self::run`]) and reads it back as
    /// opaque RGBA8, `background` wherever nothing was drawn.
    pub fn capture(
        &mut self,
        output: &egui::FullOutput,
        background: egui::Color32,
    ) -> Result<Rgba8, OffscreenError> {
        self.draw(output, background, None)
    }

    /// Draws `output` over the whole target, or only in `part` over the
    /// last frame's pixels (the shapes clipped to it, on a fill of
    /// `background` where the whole draw clears to it).
    fn draw(
        &mut self,
        output: &egui::FullOutput,
        background: egui::Color32,
        part: Option<egui::Rect>,
    ) -> Result<Rgba8, OffscreenError> {
        let gpu = self.gpu;
        gpu.take_error();
        let [width, height] = self.size;
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: [width, height],
            pixels_per_point: 1.0,
        };
        self.last_drawn = None;
        let shapes = match part {
            None => output.shapes.clone(),
            Some(part) => std::iter::once(egui::epaint::ClippedShape::new(
                part,
                egui::Shape::rect_filled(part, 0.0, background),
            ))
            .chain(output.shapes.iter().filter_map(|clipped| {
                let clip_rect = clipped.clip_rect.intersect(part);
                clip_rect.is_positive().then(|| egui::epaint::ClippedShape {
                    clip_rect,
                    ..clipped.clone()
                })
            }))
            .collect(),
        };
        let primitives = self.ctx.tessellate(shapes, 1.0);
        let mut encoder = gpu
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("sitmap offscreen frame"),
            });
        let user_buffers = self.renderer.update_buffers(
            &gpu.device,
            &gpu.queue,
            &mut encoder,
            &primitives,
            &screen,
        );
        let target = match self.target.take() {
            Some(target) => target,
            None => Target::new(gpu, width, height),
        };
        let view = target
            .texture
            .create_view(&wgpu::TextureViewDescriptor::default());
        let [r, g, b, _] = background.to_normalized_gamma_f32();
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("sitmap offscreen pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: match part {
                                Some(_) => wgpu::LoadOp::Load,
                                None => wgpu::LoadOp::Clear(wgpu::Color {
                                    r: f64::from(r),
                                    g: f64::from(g),
                                    b: f64::from(b),
                                    a: 1.0,
                                }),
                            },
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            self.renderer.render(&mut pass, &primitives, &screen);
        }
        let submission = gpu
            .queue
            .submit(user_buffers.into_iter().chain([encoder.finish()]));
        gpu.wait(submission).map_err(OffscreenError::Render)?;
        if let Some(error) = gpu.take_error() {
            return Err(OffscreenError::Render(error));
        }
        // A failed read-back may leave the buffer mapped: the next capture
        // makes a fresh target.
        let mut image = read_back(gpu, &target)?;
        self.target = Some(target);
        if gpu.format == wgpu::TextureFormat::Bgra8Unorm {
            for pixel in image.pixels.chunks_exact_mut(4) {
                pixel.swap(0, 2);
            }
        }
        // Opaque: a map has no see-through parts, whatever egui left at 0 alpha.
        for pixel in image.pixels.chunks_exact_mut(4) {
            pixel[3] = 255;
        }
        self.textures_changed = false;
        Ok(image)
    }
}

/// A frame's target texture and the buffer it is read back through.
struct Target {
    texture: wgpu::Texture,
    buffer: wgpu::Buffer,
    padded_row: usize,
}

impl Target {
    fn new(gpu: &Gpu, width: u32, height: u32) -> Self {
        let texture = gpu.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("sitmap offscreen target"),
            size: wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: gpu.format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded_row = (width as usize * 4).div_ceil(align) * align;
        let buffer = gpu.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("sitmap offscreen read-back"),
            size: (padded_row * height as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Self {
            texture,
            buffer,
            padded_row,
        }
    }
}

/// Copies the target's texture into its mappable buffer and out to memory.
fn read_back(gpu: &Gpu, target: &Target) -> Result<Rgba8, OffscreenError> {
    let Target {
        texture,
        buffer,
        padded_row,
    } = target;
    let (width, height, padded_row) = (texture.width(), texture.height(), *padded_row);
    let row = width as usize * 4;
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("sitmap offscreen read-back"),
        });
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(padded_row as u32),
                rows_per_image: None,
            },
        },
        wgpu::Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
    );
    let submission = gpu.queue.submit([encoder.finish()]);
    let slice = buffer.slice(..);
    let (sender, receiver) = std::sync::mpsc::channel();
    slice.map_async(wgpu::MapMode::Read, move |result| {
        sender.send(result).ok();
    });
    gpu.wait(submission).map_err(OffscreenError::Readback)?;
    receiver
        .recv_timeout(WAIT_TIMEOUT)
        .map_err(|_| OffscreenError::Readback("the device never mapped the buffer".into()))?
        .map_err(|e| OffscreenError::Readback(e.to_string()))?;
    let mapped = slice
        .get_mapped_range()
        .map_err(|e| OffscreenError::Readback(e.to_string()))?;
    let mut pixels = Vec::with_capacity(row * height as usize);
    for line in mapped.chunks_exact(padded_row) {
        pixels.extend_from_slice(&line[..row]);
    }
    drop(mapped);
    buffer.unmap();
    if let Some(error) = gpu.take_error() {
        return Err(OffscreenError::Readback(error));
    }
    Ok(Rgba8 {
        width,
        height,
        pixels,
    })
}
