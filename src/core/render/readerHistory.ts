/**
 * The reader's back and forward history, as a browser keeps it: leaving a place puts it on the
 * back list and forgets what was forward of it; going back moves the place on show to the
 * forward list. Places are whatever the host needs to show one again (a note, a section, a
 * scroll position). Pure, so it is unit-tested.
 */
export class NavigationHistory<Place> {
  private backList: Place[] = [];
  private forwardList: Place[] = [];

  constructor(private readonly limit = 100) {}

  get canGoBack(): boolean {
    return this.backList.length > 0;
  }

  get canGoForward(): boolean {
    return this.forwardList.length > 0;
  }

  /** The user leaves `from` for another place. */
  leave(from: Place): void {
    this.backList.push(from);
    if (this.backList.length > this.limit) {
      this.backList.shift();
    }
    this.forwardList = [];
  }

  /** The place to go back to from `current`, or undefined (and nothing changes) when there is none. */
  back(current: Place): Place | undefined {
    const target = this.backList.pop();
    if (target !== undefined) {
      this.forwardList.push(current);
    }
    return target;
  }

  /** The place to go forward to from `current`, or undefined (and nothing changes) when there is none. */
  forward(current: Place): Place | undefined {
    const target = this.forwardList.pop();
    if (target !== undefined) {
      this.backList.push(current);
    }
    return target;
  }

  /** Changes every remembered place (e.g. to the notes' new language). */
  update(change: (place: Place) => Place): void {
    this.backList = this.backList.map(change);
    this.forwardList = this.forwardList.map(change);
  }

  clear(): void {
    this.backList = [];
    this.forwardList = [];
  }
}
