// Builds the web app (src/web/main.tsx) into dist/web, which the server serves; in development, proxies /api.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // React changes less often than the pages: its own chunk stays cached across releases. Ant Design is left
        // to automatic splitting so each page loads only the components it uses.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 30 }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.DANY_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
