// Entry point of `npm run acceptance` (compiled to node_modules/.cache/acceptance/acceptance/bin.js).
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
