import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Planbook — GPL-3.0-or-later. The app is a static site: `vite build` writes dist/.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30000,
  },
});
