import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/unit/**/*.test.ts',
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            // Pure renderer logic (form mapping, formatting) tested next to its file.
            'renderer/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Real SQLite files and scrypt: give slow CI machines room.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
