import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The webview loads the built files through Tauri's custom protocol; in development the
// shell loads the dev server on port 5173 (see src-tauri/tauri.conf.json).
export default defineConfig({
  plugins: [vue()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: 'es2021',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
