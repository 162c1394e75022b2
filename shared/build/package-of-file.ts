import { folderOf, type GoPackage } from './go-package.js';

/**
 * The package a changed file belongs to: the one whose own folder holds it (a Go package is one
 * folder; sub-folders are other packages), or one that embeds it. A file below a package's folder
 * but in a sub-folder that is no package of the artefact belongs to none.
 */
export function packageOfFile(file: string, packages: readonly GoPackage[]): GoPackage | undefined {
  const folder = folderOf(file);
  return packages.find((p) => p.dir === folder) ?? packages.find((p) => p.embeds.includes(file));
}
