/** Re-export of the package root/version helpers (kept for modules that import them from here). */
export { packageRoot, packageVersion } from './workspace/package-root.js';
