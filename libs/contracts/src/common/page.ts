import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** A page of a list request: at most `first` items (1–100) after the opaque cursor `after`. */
export class PageRequest {
  @IsInt()
  @Min(1)
  @Max(100)
  first!: number;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
