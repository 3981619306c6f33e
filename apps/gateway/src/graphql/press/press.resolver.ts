import { Resolver } from '@nestjs/graphql';

/** Đ6.3: press-ethics complaints, the right of reply, rulings and appeals (the press service). */
@Resolver()
export class PressResolver {}
