import { Module } from '@nestjs/common';
import { DirectoryRouting } from './directory-routing';

/** Who handles a case (Đ6–Đ7), as the directory's routing rules say. */
@Module({
  providers: [DirectoryRouting],
  exports: [DirectoryRouting],
})
export class RoutingModule {}
