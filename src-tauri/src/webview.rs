//! WebKitGTK settings for the app's one webview (Linux only; other platforms keep their
//! defaults). Measured in README "Weight".
//!
//! - Hardware-acceleration policy NEVER: WebKit paints the page on the CPU instead of
//!   compositing it with OpenGL. Without a GPU (Xvfb, many office laptops' drivers) OpenGL is
//!   Mesa's llvmpipe, which costs the web process ≈ 200 MB and a shader compile on a first
//!   start; the app's pages are tables and forms, which need no compositing.
//! - Cache model DocumentViewer: one local page that never navigates needs neither the
//!   back/forward cache nor a big memory cache for other sites' resources.

/// For scripts/bench-app.sh only: a comma list of the settings above to leave at WebKit's
/// default (`gpu`, `cache`), to measure what each one buys.
const KEEP_DEFAULT_ENV: &str = "LIANXI_BENCH_WEBVIEW_DEFAULTS";

/// Applies the settings to the `main` window's webview. Called in `setup`, on the main
/// thread, where `with_webview` runs at once: right after the webview was created, before the
/// GTK main loop runs again and so before the page is loaded and painted.
pub fn tune(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        let keep = std::env::var(KEEP_DEFAULT_ENV).unwrap_or_default();
        let keep_gpu = keep.split(',').any(|s| s == "gpu");
        let keep_cache = keep.split(',').any(|s| s == "cache");
        let applied = window.with_webview(move |platform| {
            use webkit2gtk::{
                CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
            };
            let view = platform.inner();
            if let Some(settings) = WebViewExt::settings(&view).filter(|_| !keep_gpu) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
            if let Some(context) = view.context().filter(|_| !keep_cache) {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = applied {
            // Only a heavier webview: the app works the same.
            log::warn!("webview settings not applied: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (window, KEEP_DEFAULT_ENV);
}
