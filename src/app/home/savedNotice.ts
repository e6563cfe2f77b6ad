// "Đã lưu trên máy": said once on the home screen right after a save, so she knows the record is
// kept on this phone (sending is the banner's business). Raised by the form, taken by the list.
let raised = false;

export const savedNotice = {
  raise(): void {
    raised = true;
  },
  /** True once after a save: the notice shows, and the next visit to the home screen says nothing. */
  take(): boolean {
    const was = raised;
    raised = false;
    return was;
  },
};
