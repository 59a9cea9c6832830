// One flat ESLint config for the workspace: type-aware rules, and the dependency direction of the layout
// (packages never import services; services never import each other) enforced as lint errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const services = ['ingest', 'lander', 'query', 'alerts', 'reports'];
// Kafka client libraries stay behind @servq/kafka, so that swapping one is a change to that package only.
const kafkaLibraries = {
  group: ['kafkajs', 'kafkajs/*', '@platformatic/kafka', '@platformatic/kafka/*'],
  message: 'Kafka only through @servq/kafka (packages/kafka)',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.data/**', 'coverage/**', 'dashboards/*/dist/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'no focused tests' },
        { object: 'describe', property: 'only', message: 'no focused tests' },
        { object: 'test', property: 'only', message: 'no focused tests' },
      ],
      'no-restricted-imports': ['error', { patterns: [kafkaLibraries] }],
    },
  },
  ...[
    { files: ['packages/**/*.ts'], ignores: ['packages/kafka/**'], patterns: [kafkaLibraries] },
    { files: ['packages/kafka/**/*.ts'], patterns: [] },
  ].map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: services.map((s) => `@servq/${s}`), message: 'packages must not import services' },
            { group: ['**/services/**'], message: 'packages must not import services' },
            ...patterns,
          ],
        },
      ],
    },
  })),
  {
    // Numbers on the page go through format.ts, whose formatters are cached: one built per call cost the Visits
    // screen a formatter per heatmap cell and bar label.
    files: ['dashboards/web/src/**/*.ts'],
    ignores: ['dashboards/web/src/format.ts', 'dashboards/web/src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.object.name='Intl'][callee.property.name='NumberFormat']",
          message: 'format numbers with the cached formatters of src/format.ts',
        },
      ],
    },
  },
  ...services.map((service) => ({
    files: [`services/${service}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: services.filter((s) => s !== service).map((s) => `@servq/${s}`),
              message: 'a service must not import another service; share code through packages/',
            },
            { group: ['**/services/**'], message: 'a service must not import another service' },
            kafkaLibraries,
          ],
        },
      ],
    },
  })),
);
