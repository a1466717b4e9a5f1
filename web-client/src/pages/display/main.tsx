import { render } from 'preact';
import '../../styles/app.css';
import './display.css';
import { DisplayApp } from './DisplayApp';

render(<DisplayApp />, document.getElementById('app')!);
