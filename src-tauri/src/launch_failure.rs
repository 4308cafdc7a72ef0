//! What the user sees when the window cannot open at all. On Windows the program has no
//! console, so the reason goes into a message box: most often a missing WebView2 runtime,
//! which says what an office without internet does about it.

/// Logs `error` and tells the user, in Chinese, why the program could not start.
pub fn failed(error: &tauri::Error) {
    log::error!("无法启动：{error:?}");
    let message = if webview2_missing() {
        WEBVIEW2_MISSING.to_string()
    } else {
        format!("联席会筹备助手无法启动：{error}\n\n请重新打开一次；仍然不行时，请把“日志”文件夹（数据文件夹下的 logs）发给技术支持。")
    };
    show(&message);
}

/// Before the window is made: on Windows without the WebView2 runtime, says so in Chinese and
/// returns false (the program should end). Without this check WebView2's loader shows its own
/// English message first. `WEBVIEW2_BROWSER_EXECUTABLE_FOLDER` (a runtime an IT person put
/// elsewhere) skips the check.
pub fn webview_available() -> bool {
    let elsewhere =
        std::env::var_os("WEBVIEW2_BROWSER_EXECUTABLE_FOLDER").is_some_and(|v| !v.is_empty());
    if elsewhere || !webview2_missing() {
        return true;
    }
    log::error!("没有安装 WebView2 运行时");
    show(WEBVIEW2_MISSING);
    false
}

/// The message when WebView2 is missing; the installer says the same at install time.
const WEBVIEW2_MISSING: &str = "这台电脑没有安装 Microsoft Edge WebView2 运行时，联席会筹备助手的窗口需要它。\n\n\
装好 WebView2 后重新打开本软件即可，您的数据不受影响：\n\
· 能上网时，在微软网站搜索“WebView2 Runtime”，下载“常青版引导程序”运行即可；\n\
· 不能上网时，请单位的信息技术人员在另一台电脑上下载“常青版独立安装程序（x64）”，用U盘拷来，双击安装（也可用命令 MicrosoftEdgeWebView2RuntimeInstallerX64.exe /silent /install）。";

#[cfg(windows)]
fn webview2_missing() -> bool {
    !webview2::installed()
}

#[cfg(not(windows))]
fn webview2_missing() -> bool {
    false
}

#[cfg(windows)]
fn show(message: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};
    let text = webview2::wide(message);
    let caption = webview2::wide("联席会筹备助手");
    // SAFETY: both strings are NUL-terminated UTF-16 buffers that outlive the call; a null
    // owner window is allowed.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            caption.as_ptr(),
            MB_OK | MB_ICONERROR,
        );
    }
}

#[cfg(not(windows))]
fn show(message: &str) {
    eprintln!("{message}");
}

#[cfg(windows)]
mod webview2 {
    use windows_sys::Win32::Foundation::ERROR_SUCCESS;
    use windows_sys::Win32::System::Registry::{
        RegGetValueW, HKEY, HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, RRF_RT_REG_SZ,
    };

    /// The Evergreen runtime's client key, as Microsoft documents the check.
    const CLIENT: &str = r"Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}";

    pub(super) fn wide(s: &str) -> Vec<u16> {
        s.encode_utf16().chain(std::iter::once(0)).collect()
    }

    /// Whether the runtime is registered per machine (either registry view) or per user,
    /// with a real version.
    pub(super) fn installed() -> bool {
        [
            (
                HKEY_LOCAL_MACHINE,
                format!(r"SOFTWARE\WOW6432Node\{CLIENT}"),
            ),
            (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE\{CLIENT}")),
            (HKEY_CURRENT_USER, format!(r"Software\{CLIENT}")),
        ]
        .iter()
        .any(|(root, key)| version(*root, key).is_some_and(|v| !v.is_empty() && v != "0.0.0.0"))
    }

    fn version(root: HKEY, key: &str) -> Option<String> {
        let key = wide(key);
        let value = wide("pv");
        let mut buf = [0u16; 64];
        let mut bytes = u32::try_from(std::mem::size_of_val(&buf)).ok()?;
        // SAFETY: the key and value names are NUL-terminated; `buf` holds `bytes` bytes and
        // the call writes at most that many.
        let status = unsafe {
            RegGetValueW(
                root,
                key.as_ptr(),
                value.as_ptr(),
                RRF_RT_REG_SZ,
                std::ptr::null_mut(),
                buf.as_mut_ptr().cast(),
                &mut bytes,
            )
        };
        if status != ERROR_SUCCESS {
            return None;
        }
        let len = usize::try_from(bytes).ok()? / 2;
        let text = &buf[..len.min(buf.len())];
        let end = text.iter().position(|&c| c == 0).unwrap_or(text.len());
        Some(String::from_utf16_lossy(&text[..end]))
    }
}
