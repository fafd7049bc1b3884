// Code that only the command-line tools use (scripts/lib/) must never reach the built extension. Each marker is
// a string from one such module that minifiers keep (an object key, the text of a regular expression); it is
// first looked up in its own source, so renaming it there fails the bench instead of blinding the check.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TRAINER_MARKERS = [
  // A key of DEFAULT_GBDT_PARAMS, which trainGbdt reads: no runtime module has it.
  { file: 'scripts/lib/match/gbdt.ts', text: 'minChildWeight' },
  // The Ditto record pattern of the benchmark reader the record matcher trains on.
  { file: 'scripts/lib/match/records.ts', text: String.raw`COL\s+(\S+)\s+VAL` },
];

function checkedMarkers(root) {
  for (const { file, text } of TRAINER_MARKERS) {
    if (!readFileSync(resolve(root, file), 'utf8').includes(text))
      throw new Error(`bench marker "${text}" is no longer in ${file}: pick another one`);
  }
  return TRAINER_MARKERS.map((m) => m.text);
}

function scripts(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** Whether the built background, or any script of the built extension, carries the trainer. */
export function trainerFigures(root, output) {
  const markers = checkedMarkers(root);
  const carries = (file) => {
    const code = readFileSync(file, 'utf8');
    return markers.some((m) => code.includes(m));
  };
  const dir = resolve(root, output);
  return {
    background_has_trainer: carries(join(dir, 'background.js')),
    extension_has_trainer: scripts(dir).some(carries),
  };
}
