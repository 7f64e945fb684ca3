// A child process of the build (src/site/renderParts.ts): renders each part its parent sends, and
// answers with the pages written or the error's chain. It exits when the parent disconnects.
import { errorChain } from './eleventyRun.ts';
import { renderPart, type PartAnswer, type PartJob } from './renderParts.ts';

process.on('message', (job: PartJob) => {
  const answer = (message: PartAnswer): void => void process.send?.(message);
  renderPart(job).then(
    (written) => answer({ written }),
    (error: unknown) => answer({ error: errorChain(error) }),
  );
});
