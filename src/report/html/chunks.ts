// The page's large sections in chunks of bytes (chunk-builder.ts), written only as html``
// pieces: every string from the results stays escaped by construction.

import { ChunkBuilder } from "../chunk-builder.js";
import type { SafeHtml } from "./escape.js";

export class HtmlChunks {
  private readonly out = new ChunkBuilder();

  write(piece: SafeHtml): void {
    this.out.write(piece.text);
  }

  get full(): boolean {
    return this.out.full;
  }

  take(): Uint8Array {
    return this.out.take();
  }
}
