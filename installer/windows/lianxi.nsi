; The Windows installer of 联席会筹备助手, built offline with Debian's makensis
; (scripts/build-windows.sh passes VERSION, SRC and OUT). A per-user install that needs no
; administrator rights: the program goes to %LOCALAPPDATA%\Programs\lianxi, the data stays in
; %APPDATA%\cn.lianxi.desktop, which the uninstaller keeps unless the user ticks 删除我的数据.
Unicode true
; A 64-bit installer: the app is 64-bit, and so is every Windows 10/11 it is for.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is not defined (makensis -DVERSION=…)"
!endif
!ifndef SRC
  !error "SRC is not defined (the folder holding the built .exe files)"
!endif
!ifndef OUT
  !define OUT "lianxi-setup-${VERSION}.exe"
!endif

!define APP_NAME "联席会筹备助手"
!define APP_ID "cn.lianxi.desktop"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; The Evergreen WebView2 runtime's client key (per machine, and per user).
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\lianxi"
InstallDirRegKey HKCU "Software\${APP_ID}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${SRC}\icon.ico"
!define MUI_UNICON "${SRC}\icon.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "将安装 ${APP_NAME} ${VERSION}。$\r$\n$\r$\n只为当前用户安装，不需要管理员权限。已有的数据（成员单位、会议、协议等）保存在 %APPDATA%\${APP_ID}，安装新版本时保留，打开软件时会先自动备份再升级数据库。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\lianxi-desktop.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开 ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "卸载程序会删除软件本身。您的数据默认保留，重新安装后可以继续使用；只有勾选下面一项时才会删除。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ; WebView2 draws the window. Windows 11 and an updated Windows 10 have it.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\${WEBVIEW2_KEY}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WEBVIEW2_KEY}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_OK|MB_ICONEXCLAMATION "这台电脑没有安装 Microsoft Edge WebView2 运行时，${APP_NAME} 的窗口需要它。$\r$\n$\r$\n软件会照常安装，但要装好 WebView2 后才能打开：$\r$\n· 能上网时，在微软网站搜索“WebView2 Runtime”，下载“常青版引导程序”运行即可；$\r$\n· 不能上网时，请单位的信息技术人员在另一台电脑上下载“常青版独立安装程序（x64）”，用U盘拷来，双击安装（也可用命令 MicrosoftEdgeWebView2RuntimeInstallerX64.exe /silent /install）。" /SD IDOK
  ${EndIf}
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; A running copy would keep the old files; ask the user to close it.
  retry:
  ClearErrors
  Delete "$INSTDIR\lianxi-desktop.exe"
  ${If} ${Errors}
  ${AndIf} ${FileExists} "$INSTDIR\lianxi-desktop.exe"
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME} 正在运行。请先关闭它，再点“重试”。" /SD IDCANCEL IDRETRY retry
    Abort
  ${EndIf}
  File "${SRC}\lianxi-desktop.exe"
  File "${SRC}\lianxi.exe"
  !ifdef WEBVIEW2_LOADER
    File "${SRC}\WebView2Loader.dll"
  !endif
  File "${SRC}\icon.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\lianxi-desktop.exe" "" "$INSTDIR\icon.ico"
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\lianxi-desktop.exe" "" "$INSTDIR\icon.ico"

  WriteRegStr HKCU "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\${APP_ID}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "un.${APP_NAME}" UnSecMain
  SectionIn RO
  Delete "$INSTDIR\lianxi-desktop.exe"
  Delete "$INSTDIR\lianxi.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}"
SectionEnd

; Off unless ticked, so a silent uninstall (/S) keeps the data too.
Section /o "un.删除我的数据（成员单位、会议、协议、备份等，不可恢复）" UnSecData
  RMDir /r "$APPDATA\${APP_ID}"
  RMDir /r "$LOCALAPPDATA\${APP_ID}"
SectionEnd
