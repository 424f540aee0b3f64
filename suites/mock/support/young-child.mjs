// A process the young-generation test spawns: it allocates as a loaded server does (short-lived
// garbage, with the last few thousand objects kept alive, like a journal), yielding to the event
// loop between batches, and prints the largest young generation it saw. argv[2]: "bound" applies
// boundYoungGeneration from dist/ first; "free" does not.
import { boundYoungGeneration, newSpaceSize } from '../../../dist/mock/young-generation.js';

if (process.argv[2] === 'bound') boundYoungGeneration();
const window = new Array(4000);
let largest = newSpaceSize();
for (let batch = 0; batch < 400; batch++) {
  for (let i = 0; i < 2000; i++) {
    const garbage = { id: `request ${batch} ${i}`, headers: ['host', 'a', 'accept', '*/*'], body: new Array(16).fill(i) };
    window[(batch * 2000 + i) % window.length] = garbage;
  }
  largest = Math.max(largest, newSpaceSize());
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write(`${JSON.stringify({ largest })}\n`);
