import { render } from 'preact';

render(<main><h1>Spotter display</h1></main>, document.getElementById('app')!);
