import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository';

/** The case store, which every feature of intake reads or changes (cases are its aggregate). */
@Module({
  providers: [CaseRepository],
  exports: [CaseRepository],
})
export class CaseDataModule {}
