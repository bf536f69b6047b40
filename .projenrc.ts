import { javascript, typescript } from 'projen';

/**
 * The cdk8s-plus majors the library supports, with the lowest release of each that CI tests (the peer range and the
 * development version alike). src/workloads/majors.ts names the same majors; a test keeps the two equal.
 */
const CDK8S_PLUS: Record<number, string> = {
  28: '2.5.6',
  29: '2.6.0',
  30: '2.4.10',
  31: '2.6.43',
  32: '2.5.92',
  33: '2.5.57',
};
const CDK8S_PLUS_MAJORS = Object.keys(CDK8S_PLUS).map(Number);

/** The package's own name and entry points, mapped to the sources for the examples (which import them by name). */
const PACKAGE_PATHS = {
  'k8s-udp-constructs': ['./src/index.ts'],
  'k8s-udp-constructs/rules': ['./src/rules/index.ts'],
  'k8s-udp-constructs/pulumi': ['./src/pulumi.ts'],
};

/**
 * The source of truth for package.json, tsconfig, jest and eslint.
 * Run `npx projen` after editing this file.
 */
/** The package's entry points by name, mapped to the sources for jest (as PACKAGE_PATHS does for TypeScript). */
const PACKAGE_MODULES = {
  '^k8s-udp-constructs$': '<rootDir>/src/index.ts',
  '^k8s-udp-constructs/rules$': '<rootDir>/src/rules/index.ts',
  '^k8s-udp-constructs/pulumi$': '<rootDir>/src/pulumi.ts',
};

/** ts-jest on every TypeScript file, with the dev tsconfig (the transform of each jest project). */
const TS_JEST = { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] };

const project = new typescript.TypeScriptProject({
  name: 'k8s-udp-constructs',
  description:
    'cdk8s constructs, Pulumi components and a linter for UDP and TCP+UDP services on Kubernetes and AWS',
  license: 'Apache-2.0',
  copyrightOwner: 'k8s-udp-constructs contributors',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',
  typescriptVersion: '~5.9.3',
  sampleCode: false,
  // No hosted CI here: `.ci/run` is the CI entry point.
  github: false,
  buildWorkflow: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  package: false,
  keywords: ['cdk8s', 'kubernetes', 'udp', 'aws', 'nlb', 'pulumi', 'externaldns'],

  peerDeps: [
    'cdk8s@^2.70.0',
    'constructs@^10.3.0',
    // Optional: whichever cdk8s-plus major the app uses (src/workloads recognizes each; none is needed for labels).
    ...CDK8S_PLUS_MAJORS.map((major) => `cdk8s-plus-${major}@^${CDK8S_PLUS[major]}`),
    // Optional: only the `k8s-udp-constructs/pulumi` entry point loads them.
    '@pulumi/pulumi@^3.140.0',
    '@pulumi/aws@^7.0.0',
  ],
  // Develop and test against current releases, not the lowest version the peer range allows.
  peerDependencyOptions: { pinnedDevDependency: false },
  deps: [
    'yaml@^2.6.0',
    'commander@^14.0.0',
    // Graphviz as WebAssembly: `diagram --format svg` and `Diagram.toSvg()` lay out offline, no browser. Loaded lazily.
    '@viz-js/viz@^3.31.0',
  ],
  devDeps: [
    'cdk8s@^2.70.106',
    'cdk8s-cli@^2.200.0',
    // every supported major side by side, and a second copy of one, for the compatibility matrix (test/workloads)
    ...CDK8S_PLUS_MAJORS.map((major) => `cdk8s-plus-${major}@^${CDK8S_PLUS[major]}`),
    `cdk8s-plus-32-copy@npm:cdk8s-plus-32@^${CDK8S_PLUS[32]}`,
    'constructs@^10.4.2',
    '@pulumi/pulumi@^3.200.0',
    '@pulumi/aws@^7.10.0',
    'fast-check@^4.3.0',
    'ts-node@^10.9.2',
    'tsconfig-paths@^4.2.0', // examples import the package by name; in this repository the name maps to src/
    'typedoc@~0.28.0',
    'typedoc-plugin-markdown@~4.9.0',
    'ajv@^8.17.0',
    'ajv-formats@^3.0.1',
    'fast-xml-parser@^5.12.1', // tests parse the diagrams' SVG
    '@kubernetes/client-node@0.20.0', // its models are generated from the Kubernetes 1.28 OpenAPI (test/properties/k8s-schema.ts)
  ],

  tsconfig: {
    compilerOptions: {
      target: 'ES2022',
      lib: ['es2022'],
      module: 'commonjs',
      skipLibCheck: true,
      // Source maps in files of their own (with the sources inside), shipped beside the code: an inline map triples
      // every file that `require('k8s-udp-constructs')` reads and parses (BENCHMARKS.md, import cost).
      inlineSourceMap: false,
      sourceMap: true,
      inlineSources: true,
      // the examples import the package by its name, as a copied example does; here the name is the sources
      paths: PACKAGE_PATHS,
    },
  },
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    compilerOptions: {
      // ts-jest transpiles each file alone (fast); `typecheck` checks the whole program.
      isolatedModules: true,
      target: 'ES2022',
      lib: ['es2022'],
      module: 'commonjs',
      skipLibCheck: true,
      paths: PACKAGE_PATHS,
    },
    exclude: ['node_modules', 'lib', 'dist', 'coverage'],
    include: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', '.projenrc.ts', 'projenrc/**/*.ts'],
  },
  jestOptions: {
    jestVersion: '^29',
    // Snapshots are never written by `npm test`: use `npx projen test:update` on purpose.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      moduleNameMapper: PACKAGE_MODULES,
      coverageReporters: ['text-summary', 'lcov'],
      // Two projects: the API-server tests (test/apiserver) start one real kube-apiserver for the run in their own
      // globalSetup and stop it in globalTeardown; jest runs those only when a test of that project runs, so
      // `npx jest test/k8s` starts no server.
      projects: [
        {
          displayName: 'unit',
          testMatch: ['<rootDir>/test/**/*.test.ts'],
          testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/apiserver/'],
          // a project does not inherit the root's mapper: the examples import the package by its name
          moduleNameMapper: PACKAGE_MODULES,
          transform: TS_JEST,
          clearMocks: true,
        },
        {
          displayName: 'apiserver',
          testMatch: ['<rootDir>/test/apiserver/**/*.test.ts'],
          testPathIgnorePatterns: ['/node_modules/'],
          globalSetup: '<rootDir>/test/apiserver/global-setup.ts',
          globalTeardown: '<rootDir>/test/apiserver/global-teardown.ts',
          moduleNameMapper: PACKAGE_MODULES,
          transform: TS_JEST,
          clearMocks: true,
        },
      ],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'bench', '.projenrc.ts'],
    // Everything linted (src, test, examples, scripts, bench) is in the dev tsconfig.
    tsconfigPath: './tsconfig.dev.json',
    projectService: false,
    // CI must fail on a lint error, not rewrite the file.
    commandOptions: { fix: false },
  },
  gitignore: ['/dist/', '/examples/*/dist/', '/.bench/'],
});

project.package.addField('peerDependenciesMeta', {
  '@pulumi/pulumi': { optional: true },
  '@pulumi/aws': { optional: true },
  ...Object.fromEntries(CDK8S_PLUS_MAJORS.map((major) => [`cdk8s-plus-${major}`, { optional: true }])),
});

// The linter's command: `k8s-udp lint` (src/cli/bin.ts keeps its shebang when compiled).
project.addBins({ 'k8s-udp': 'lib/cli/bin.js' });

// The source maps go into the package beside the code they map. The package holds what users need: the code, its
// types, README, API.md, docs/ and the examples as sources to copy; not the benchmarks, scripts or CI of this
// repository (test/consumer checks the list and a size budget).
project.npmignore?.addPatterns('!/lib/**/*.js.map', '/bench/', '/scripts/', '/.ci/', '/BENCHMARKS.md', '/examples/*/cdk8s.yaml');
// The `cdk8s import` bindings are generated code, half a megabyte of maps back to generated sources: not shipped.
project.npmignore?.addPatterns('/lib/imports/*.js.map');

// Entry points. The root one is the cdk8s side and never loads an `@pulumi` module; `./rules` holds the rules one by one
// and the checks of single values (for tools built on the rules); `./pulumi` the Pulumi components. `typesVersions`
// gives TypeScript's node10 resolution (`"moduleResolution": "node"`, what `pulumi new typescript` writes), which
// ignores `exports`, the same subpaths.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './rules': { types: './lib/rules/index.d.ts', default: './lib/rules/index.js' },
  './pulumi': { types: './lib/pulumi.d.ts', default: './lib/pulumi.js' },
  './package.json': './package.json',
});
project.package.addField('typesVersions', {
  '*': {
    rules: ['lib/rules/index.d.ts'],
    pulumi: ['lib/pulumi.d.ts'],
  },
});

// The type check of everything (src, test, examples, scripts) against the dev tsconfig.
const typecheck = project.addTask('typecheck', {
  description: 'Type-check sources, tests, examples and scripts',
  exec: 'tsc --noEmit -p tsconfig.dev.json',
});

// Typed bindings of the CRDs the library emits (ExternalDNS DNSEndpoint), by `cdk8s import` from ../shared/crds.
project.addTask('import', {
  description: 'Regenerate src/imports/ from ../shared/crds with cdk8s import (offline)',
  exec: 'ts-node --project tsconfig.dev.json scripts/import-crds.ts',
});

// API.md, generated from the TSDoc of the public API.
project.addTask('docgen', {
  description: 'Generate API.md from the TSDoc of the public API',
  exec: 'ts-node --project tsconfig.dev.json scripts/docgen.ts',
});

// The diagram of every cdk8s example (docs/diagrams/<example>.mmd and .svg) and the flagship one in README.md.
project.addTask('diagrams', {
  description: 'Draw every cdk8s example into docs/diagrams/ and the flagship example into README.md',
  exec: 'ts-node --project tsconfig.dev.json scripts/diagrams.ts',
});

// The staleness check of every generated file: projen's, API.md, the diagrams.
const checkGenerated = project.addTask('check:generated', {
  description: 'Fail when a generated file (projen output, API.md, diagrams) is not what its generator writes',
  exec: 'ts-node --project tsconfig.dev.json scripts/check-generated.ts',
});

// The main job: synthesize every example into dist/<example>/.
project.addTask('examples', {
  description: 'Synthesize every example under examples/ into dist/<example>/',
  exec: 'ts-node --project tsconfig.dev.json scripts/synth-examples.ts',
});

project.addTask('bench', {
  description: 'Run the benchmarks and write BENCHMARKS.md (not part of `test`); `-- --only=sidecar` for the sidecar rows alone',
  exec: 'ts-node --project tsconfig.dev.json bench/run.ts',
  receiveArgs: true,
});

// ts-node (the examples' `cdk8s synth`, scripts) resolves the package's name through the same paths.
project.tsconfigDev.file.addOverride('ts-node', { require: ['tsconfig-paths/register'] });

project.testTask.spawn(typecheck);
project.testTask.spawn(checkGenerated);

project.synth();
