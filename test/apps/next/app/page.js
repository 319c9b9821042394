import { Meeting } from './meeting.js';

export default function Page() {
  return <Meeting />;
}
