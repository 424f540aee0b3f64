import type { Dispatcher } from 'undici';
import { ensureFolderOf } from './ensure-folder.js';

/** An HTTP client that appends every exchange it carries to a HAR file (secrets redacted). */
export interface RunRecorder {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** Starts recording a run's exchanges to `harPath` (`conform --record`), its folder created if need be. */
export async function startRecorder(harPath: string): Promise<RunRecorder> {
  ensureFolderOf(harPath);
  const [{ createRecordingInterceptor }, { Agent }] = await Promise.all([import('../recording/index.js'), import('undici')]);
  const recorder = createRecordingInterceptor({ harPath });
  const agent = new Agent({ connections: 16 });
  return {
    dispatcher: agent.compose(recorder.interceptor),
    close: async () => {
      await agent.close();
      recorder.close();
    },
  };
}
