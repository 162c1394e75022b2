/**
 * What browser mode loads only once the page is on its way: the engine and everything that needs
 * zod. The build makes this its own file (out/web/engine.mjs), apart from the small server.
 */
export { Engine } from '../engine/engine.js';
export { ClientFrameSchema } from '../../shared/ipc/envelope.js';
export { readExtraSteps } from './extra-steps-file.js';
