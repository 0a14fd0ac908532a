/** An HTTP answer to the Mac: a status and, for some messages, a plist body. */
export interface MdmAnswer {
  status: number;
  body?: string;
}

export const OK: MdmAnswer = { status: 200 };
