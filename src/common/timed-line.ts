/** One line of a build's output with the time it arrived: ms from the start of the build. */
export interface TimedLine {
  ms: number;
  line: string;
}
