using Google.Protobuf;
using Google.Protobuf.Reflection;
using MashGrpc.Core;
using MashGrpc.Reflection.V1;

namespace MashGrpc.Reflection;

/// <summary>Every file and symbol reachable from the mapped services, and the answers reflection gives about them.</summary>
internal sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> filesByName = [];
    private readonly Dictionary<string, FileDescriptor> filesBySymbol = [];
    private readonly List<string> serviceNames;

    public ReflectionIndex(IEnumerable<ServiceDescriptor> services)
    {
        var list = services.ToList();
        serviceNames = [.. list.Select(s => s.FullName)];
        foreach (var service in list)
        {
            AddFile(service.File);
        }
    }

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                return WithFile(response, filesByName.GetValueOrDefault(request.FileByFilename), "File not found.");
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                return WithFile(response, filesBySymbol.GetValueOrDefault(request.FileContainingSymbol), "Symbol not found.");
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType
                when filesBySymbol.ContainsKey(request.AllExtensionNumbersOfType):
                response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                return response;
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.AddRange(serviceNames.Select(name => new ServiceResponse { Name = name }));
                return response;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                return WithError(response, StatusCode.NotFound, "Extensions are not known to this server.");
            default:
                return WithError(response, StatusCode.InvalidArgument, "The request names no query.");
        }
    }

    // The file first, then everything it imports, each once.
    private static ServerReflectionResponse WithFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            return WithError(response, StatusCode.NotFound, notFound);
        }
        var seen = new HashSet<string>();
        var files = new FileDescriptorResponse();
        var pending = new Queue<FileDescriptor>([file]);
        while (pending.TryDequeue(out var next))
        {
            if (seen.Add(next.Name))
            {
                files.FileDescriptorProto.Add(next.SerializedData);
                next.Dependencies.ToList().ForEach(pending.Enqueue);
            }
        }
        response.FileDescriptorResponse = files;
        return response;
    }

    private static ServerReflectionResponse WithError(ServerReflectionResponse response, StatusCode code, string message)
    {
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
        return response;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!filesByName.TryAdd(file.Name, file))
        {
            return;
        }
        foreach (var service in file.Services)
        {
            filesBySymbol[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                filesBySymbol[method.FullName] = file;
            }
        }
        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }
        foreach (var enumType in file.EnumTypes)
        {
            filesBySymbol[enumType.FullName] = file;
        }
        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        filesBySymbol[message.FullName] = file;
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }
        foreach (var enumType in message.EnumTypes)
        {
            filesBySymbol[enumType.FullName] = file;
        }
    }
}
