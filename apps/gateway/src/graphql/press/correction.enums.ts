import { labelledEnum } from '../common/labelled-enum';

export const CorrectionStatusEnum = labelledEnum('CorrectionStatus', 'The stages of a correction request to an outlet (Press Law 2016 Art. 42)');
