#!/usr/bin/python3
"""The floor for scripts/bench-app.sh: a bare WebKitGTK webview (the system's webkit2gtk-4.1,
the same library the app links) in a GTK window of the app's size, showing a trivial page.

Run by `LIANXI_BENCH_PARTS=floor bash scripts/bench-app.sh`, which reads the marks this
writes to $LIANXI_BENCH_MARKS in the app's format (`<label> <Unix epoch ms>`): `nav-start`
and `ui-ready` (the second animation frame after the page's script ran, as the app's
ui-ready). LIANXI_FLOOR_GPU=never sets WebKit's hardware-acceleration policy to NEVER, as
the app's shell does; unset, WebKit's default. Needs python3-gi and gir1.2-webkit2-4.1.
"""
import os
import sys
import time

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

PAGE = """<!doctype html><meta charset="utf-8"><title>floor</title>
<body style="font-family: sans-serif"><h1>联席会筹备助手</h1><p>floor</p>
<script>
const t0 = performance.timeOrigin
requestAnimationFrame(() => requestAnimationFrame(() =>
  window.webkit.messageHandlers.mark.postMessage(
    JSON.stringify([['nav-start', t0], ['ui-ready', t0 + performance.now()]]))))
</script>"""


def write(lines):
    path = os.environ.get("LIANXI_BENCH_MARKS")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write("".join(f"{label} {ms:.1f}\n" for label, ms in lines))


def main():
    write([("main", time.time() * 1000)])
    import json

    manager = WebKit2.UserContentManager()
    manager.register_script_message_handler("mark")

    def on_mark(_manager, result):
        marks = json.loads(result.get_js_value().to_string())
        write(marks + [("ipc-received", time.time() * 1000)])

    manager.connect("script-message-received::mark", on_mark)
    view = WebKit2.WebView.new_with_user_content_manager(manager)
    if os.environ.get("LIANXI_FLOOR_GPU") == "never":
        view.get_settings().set_hardware_acceleration_policy(
            WebKit2.HardwareAccelerationPolicy.NEVER
        )
    win = Gtk.Window(title="floor")
    win.set_default_size(1280, 800)
    win.add(view)
    win.connect("destroy", Gtk.main_quit)
    win.show_all()
    write([("setup", time.time() * 1000)])
    view.load_html(PAGE, "about:blank")
    Gtk.main()


if __name__ == "__main__":
    sys.exit(main())
