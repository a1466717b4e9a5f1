import { render } from 'preact';

render(<main><h1>Spotter trainer</h1></main>, document.getElementById('app')!);
