using Mash.Board;
using Mash.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBoard();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapBoard();
app.Run();
