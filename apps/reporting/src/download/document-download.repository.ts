import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface StoredDocument {
  id: string;
  fileName: string;
  mimeType: string;
  sha256: string;
  bytes: Buffer;
}

/** Rendered documents kept for the few minutes their download address works (any replica serves them). */
@Injectable()
export class DocumentDownloadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a document until `expiresAt`, and drops those whose address has expired. */
  async store(document: StoredDocument & { createdBy: string; expiresAt: Date }): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.query(`DELETE FROM rendered_document WHERE expires_at < now()`);
      await manager.query(
        `INSERT INTO rendered_document (id, file_name, mime_type, sha256, byte_length, content, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [document.id, document.fileName, document.mimeType, document.sha256, document.bytes.length, document.bytes, document.createdBy, document.expiresAt],
      );
    });
  }

  /** The document, unless its time is up. */
  async find(id: string): Promise<StoredDocument | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, file_name, mime_type, sha256, content FROM rendered_document WHERE id = $1 AND expires_at >= now()`,
      [id],
    )) as { id: string; file_name: string; mime_type: string; sha256: string; content: Buffer }[];
    return row ? { id: row.id, fileName: row.file_name, mimeType: row.mime_type, sha256: row.sha256, bytes: row.content } : null;
  }
}
